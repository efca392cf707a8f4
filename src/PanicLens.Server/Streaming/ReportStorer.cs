using System.Text;
using Microsoft.Extensions.Logging;
using PanicLens.Model;
using PanicLens.Server.Operations;
using PanicLens.Storage;

namespace PanicLens.Server.Streaming;

/// <summary>
/// The scan's path for live reports: a chunk of lines goes through <see cref="ReportPipeline"/> (the same object
/// `analyze` and `scan` run), each report through the scan's own conversion (<see cref="ScanContract.ToStored"/>)
/// into the store. A store failure is retried with backoff, the chunk kept: a database outage delays reports, it does
/// not lose them while the process runs.
/// </summary>
public sealed class ReportStorer(ICrashStore store, ScanContract contract, ServerMetrics metrics, ILogger<ReportStorer> log)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Raised after each report is stored (alerts, tests).</summary>
    public event Action<StoredEvent>? Stored;

    public async Task Run(LiveCollector collector, CancellationToken stop)
    {
        await foreach (var chunk in collector.Completed.ReadAllAsync(CancellationToken.None))
        {
            var backoff = TimeSpan.FromMilliseconds(200);
            while (true)
            {
                try
                {
                    StoreChunk(chunk);
                    collector.Acknowledge(chunk);
                    break;
                }
                catch (StoreException e)
                {
                    metrics.Add("paniclens_store_errors_total", chunk.Source);
                    log.LogError("store failed, retrying in {Backoff}: {Message}", backoff, e.Message);
                    if (stop.IsCancellationRequested)
                        return;
                    await Task.Delay(backoff, CancellationToken.None);
                    backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                }
            }
        }
    }

    private void StoreChunk(CompletedChunk chunk)
    {
        if (chunk.SilentReset)
        {
            StoreReset(chunk);
            return;
        }
        var text = new StringBuilder();
        foreach (var line in chunk.Lines)
            text.Append(line).Append('\n');
        using var input = new MemoryStream(Encoding.Latin1.GetBytes(text.ToString()));
        foreach (var report in new ReportPipeline(contract.Knowledge).Analyze(input, chunk.Source + "://" + chunk.Host))
        {
            report.Kernel ??= chunk.Kernel;
            Store(report, chunk.Host, chunk.Source, chunk.Lossy);
        }
    }

    /// <summary>
    /// A reset without a crash report, stored as an event of its own kind in one bucket of its own (so it is counted,
    /// listed, alerted on as a new bucket, and shown with the host's last lines as its raw text).
    /// </summary>
    private void StoreReset(CompletedChunk chunk)
    {
        var text = string.Join('\n', chunk.Lines) + "\n";
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = SilentResetTitle,
            ["type"] = SilentResetType,
            ["kind"] = "silent-reset",
            ["message"] = "The host booted again with no crash report and no orderly shutdown after its last lines: a hardware reset, a watchdog, a power loss, or a report the console never carried.",
            ["kernel"] = chunk.Kernel,
        };
        var report = new NewReport
        {
            ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            StartLine = 0,
            EndLine = chunk.Lines.Count,
            Pending = false,
            Title = SilentResetTitle,
            Type = SilentResetType,
            Kernel = chunk.Kernel,
            Keys = new Buckets.BucketKeys("exact/1:" + SilentResetType, "stack/1:" + SilentResetType, "title/1:" + SilentResetTitle, "domain/1:" + SilentResetType),
            ReportJson = json.ToJsonString(),
            RawText = text,
        };
        Record(report, chunk.Host, chunk.Source, chunk.Lossy, 0);
    }

    public const string SilentResetTitle = "reset without crash report";
    public const string SilentResetType = "SILENT_RESET";

    /// <summary>Every report of one whole log (an upload), stored as they come; returns what was stored.</summary>
    public List<StoredEvent> StoreLog(Stream input, string host, string source)
    {
        var stored = new List<StoredEvent>();
        foreach (var report in new ReportPipeline(contract.Knowledge).Analyze(input, source + "://" + host))
            stored.Add(Store(report, host, source, lossy: false));
        return stored;
    }

    /// <summary>The first uptime stamp of the report (`4552.564718` → 4552564718 µs), 0 when its lines carry none.</summary>
    public static long Instant(CrashReport report)
    {
        foreach (var line in report.Lines)
        {
            if (line.Uptime is not { } uptime)
                continue;
            var dot = uptime.IndexOf('.');
            var seconds = dot < 0 ? uptime : uptime[..dot];
            var fraction = dot < 0 ? "" : uptime[(dot + 1)..];
            fraction = fraction.Length >= 6 ? fraction[..6] : fraction.PadRight(6, '0');
            if (long.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)
                && long.TryParse(fraction, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var f)
                && s < long.MaxValue / 1_000_000 - 1)
                return s * 1_000_000 + f;
            return 0;
        }
        return 0;
    }

    private StoredEvent Store(CrashReport report, string host, string source, bool lossy) =>
        Record(contract.ToStored(report), host, source, lossy, Instant(report));

    private StoredEvent Record(NewReport stored, string host, string source, bool lossy, long instant)
    {
        var record = store.RecordLive(new LiveReport(host, source, stored, lossy, instant));
        metrics.Add("paniclens_reports_total", source);
        if (record.IsNew)
            metrics.Add("paniclens_reports_new_total", source);
        var done = new StoredEvent(record.ReportId, record.IsNew, host, source, stored.Title, lossy);
        log.LogInformation("report {Id} {State} from {Source} of {Host}: {Title}", record.ReportId, record.IsNew ? "new" : "known",
            source, host, stored.Title);
        Stored?.Invoke(done);
        return done;
    }
}
