using System.Globalization;
using System.Text.Json;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// `scan --metrics-file`: the summary's figures in Prometheus text format for node_exporter's textfile collector, whole
/// (no temporary file left beside it), equal to the JSON summary of the same run; an unwritable path is one line, exit 2.
/// </summary>
public sealed class ScanMetricsFileTests
{
    private static Dictionary<string, double> Samples(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => !l.StartsWith('#'))
        .Select(l => l.Split(' '))
        .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

    [Fact]
    public void The_metrics_file_holds_the_summarys_figures_and_each_sample_its_help_and_type()
    {
        using var folder = new ScanFolder(Path.Combine(Path.GetTempPath(), "paniclens-metrics-" + Guid.NewGuid().ToString("N") + ".db"));
        folder.Write("web-01.log", ScanFolder.Noise(10) + ScanFolder.Seed + ScanFolder.Noise(2, "a"));
        folder.Write("web-02.log.1.gz", "\u001f\u008b\u0008\u0000not deflate");
        var metrics = Path.Combine(Path.GetTempPath(), "paniclens-" + Guid.NewGuid().ToString("N") + ".prom");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        try
        {
            var (run, json) = folder.Scan("--metrics-file", metrics);

            var text = File.ReadAllText(metrics);
            var samples = Samples(text);
            Assert.Equal(1, run.ExitCode);
            foreach (var (name, field) in new[] { ("files", "files"), ("bytes", "bytes"), ("reports", "reports"), ("new_reports", "newReports") })
                Assert.Equal(json.GetProperty(field).GetInt64(), samples["paniclens_scan_" + name]);
            Assert.Equal(json.GetProperty("skipped").GetArrayLength(), samples["paniclens_scan_skipped_files"]);
            Assert.Equal(json.GetProperty("buckets").GetInt64(), samples["paniclens_store_buckets"]);
            Assert.InRange(samples["paniclens_scan_last_run_timestamp_seconds"], before, before + 600);
            Assert.True(samples["paniclens_scan_duration_seconds"] > 0);
            Assert.All(samples.Keys, name => Assert.Contains($"# TYPE {name} gauge\n", text));
            Assert.False(File.Exists(metrics + ".tmp"));
        }
        finally
        {
            File.Delete(metrics);
            File.Delete(folder.Db);
        }
    }

    [Fact]
    public void An_unwritable_metrics_file_is_one_line_and_exit_2_after_the_scan_is_stored()
    {
        using var folder = new ScanFolder(Path.Combine(Path.GetTempPath(), "paniclens-metrics-" + Guid.NewGuid().ToString("N") + ".db"));
        folder.Write("web-01.log", ScanFolder.Seed + ScanFolder.Noise(2));

        var run = CliRun.Invoke("scan", folder.Root, "--db", folder.Db, "--metrics-file", "/nonexistent/paniclens/x.prom");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/paniclens/x.prom", Assert.Single(run.Stderr.Trim().Split('\n')));
        var buckets = CliRun.Invoke("buckets", "--db", folder.Db, "--format", "json");
        Assert.Single(JsonDocument.Parse(buckets.Stdout).RootElement.GetProperty("buckets").EnumerateArray());
        File.Delete(folder.Db);
    }
}
