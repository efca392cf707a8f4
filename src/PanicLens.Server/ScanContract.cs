using System.Text.Json;
using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Storage;

namespace PanicLens.Server;

/// <summary>
/// What `serve` takes from the `scan` and `buckets` verbs, handed in by the CLI that wires both, so that a report
/// received live is stored exactly as a scanned one (<see cref="ToStored"/> is the scan's own conversion) and a bucket
/// is the same JSON object as `buckets --format json` prints (<see cref="WriteBucket"/>).
/// </summary>
public sealed record ScanContract(
    Func<KnowledgeBase?> Knowledge,
    Func<CrashReport, NewReport> ToStored,
    Action<Utf8JsonWriter, BucketSummary> WriteBucket);
