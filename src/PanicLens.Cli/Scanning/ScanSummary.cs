namespace PanicLens.Cli.Scanning;

/// <summary>
/// What a scan did (README "scan" contract): files looked at, bytes read this time, reports found in them, of which
/// new to the store, buckets in the store afterwards, and what was skipped.
/// </summary>
public sealed record ScanSummary(long Files, long Bytes, long Reports, long NewReports, long Buckets, IReadOnlyList<SkippedFile> Skipped);
