using System.Globalization;
using System.Text;
using PanicLens.Cli.Localization;
using PanicLens.Cli.Scanning;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// `scan --metrics-file PATH`: the scan's figures in the Prometheus text exposition format, for node_exporter's textfile
/// collector (a periodic scan has no process to scrape). Written to `PATH.tmp` in the same folder, then renamed over
/// PATH, so the collector never reads half a file. Gauges of the last run, and the time it ended.
/// </summary>
public static class ScanMetricsFile
{
    private static readonly (string Name, string Help, Func<ScanSummary, double> Value)[] Gauges =
    [
        ("paniclens_scan_files", "Files looked at by the last scan.", s => s.Files),
        ("paniclens_scan_bytes", "Bytes read by the last scan (only what was new).", s => s.Bytes),
        ("paniclens_scan_reports", "Crash reports found in what the last scan read.", s => s.Reports),
        ("paniclens_scan_new_reports", "Crash reports the last scan stored that the store did not hold.", s => s.NewReports),
        ("paniclens_scan_skipped_files", "Files the last scan could not read (named in its output).", s => s.Skipped.Count),
        ("paniclens_store_buckets", "Crash buckets in the store after the last scan.", s => s.Buckets),
    ];

    public static void Write(string path, ScanSummary summary, TimeSpan elapsed, DateTimeOffset end)
    {
        var text = new StringBuilder();
        foreach (var (name, help, value) in Gauges)
            Gauge(text, name, help, value(summary));
        Gauge(text, "paniclens_scan_duration_seconds", "Wall time of the last scan.", elapsed.TotalSeconds);
        Gauge(text, "paniclens_scan_last_run_timestamp_seconds", "When the last scan ended (Unix time).", end.ToUnixTimeMilliseconds() / 1000.0);
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Words.Format("scan.metrics-file", path, e.Message));
        }
    }

    private static void Gauge(StringBuilder text, string name, string help, double value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(" gauge\n")
            .Append(name).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
}
