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

    /// <summary>
    /// Stores the collector's chunks until its queue is completed. Synchronous on a thread of its own
    /// (<see cref="LiveServer"/>): receivers busy on every pool thread never hold a crash's storing back.
    /// </summary>
    public void Run(LiveCollector collector, CancellationToken stop)
    {
        var queue = collector.Completed;
        while (queue.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            if (!queue.TryRead(out var chunk))
                continue;
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
                    Thread.Sleep(backoff);
                    backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                }
            }
        }
    }

    private void StoreChunk(CompletedChunk chunk)
    {
        if (chunk.Boot is { } boot)
            store.RecordBoot(boot);
        if (chunk.Lines.Count == 0)
            return;
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

    /// <summary>
    /// Runs a small made-up oops through the pipeline and the scan's conversion, storing nothing: the first live crash
    /// then does not pay for compiling the parse, diagnosis and bucket code (seconds on a loaded machine).
    /// </summary>
    public void WarmUp()
    {
        const string Oops = """
            [    5.000000] BUG: unable to handle kernel NULL pointer dereference at 0000000000000010
            [    5.000001] IP: [<ffffffff8113d0a5>] warm_up+0x15/0x40
            [    5.000002] Oops: 0000 [#1] SMP
            [    5.000003] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.19.0 #1
            [    5.000004] RIP: 0010:warm_up+0x15/0x40
            [    5.000005] Call Trace:
            [    5.000006]  warm_up_caller+0x20/0x30
            [    5.000007]  kernel_init+0xa/0x100
            [    5.000008] ---[ end trace 0000000000000000 ]---
            [    5.000009] Kernel panic - not syncing: Fatal exception
            """;
        using var input = new MemoryStream(Encoding.Latin1.GetBytes(Oops));
        foreach (var report in new ReportPipeline(contract.Knowledge).Analyze(input, "warm-up"))
            _ = contract.ToStored(report);
    }

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
