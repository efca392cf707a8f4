using System.Text.Json;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>`paniclens scan` on real files into a real SQLite file and a real PostgreSQL.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    private static long Number(JsonElement json, string name) => json.GetProperty(name).GetInt64();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_second_scan_reads_only_the_appended_bytes_and_stores_only_the_new_crash(string kind)
    {
        using var folder = new ScanFolder(stores.NewUri(kind));
        folder.Write("conserver/web-01.log", ScanFolder.Noise(50) + ScanFolder.Seed + ScanFolder.Noise(5, "a"));
        var (_, first) = folder.Scan();
        Assert.Equal((1L, 1L, 1L), (Number(first, "files"), Number(first, "reports"), Number(first, "newReports")));

        var (_, unchanged) = folder.Scan();
        Assert.Equal((0L, 0L, 0L), (Number(unchanged, "bytes"), Number(unchanged, "reports"), Number(unchanged, "newReports")));

        var appended = ScanFolder.Noise(20, "b") + ScanFolder.Seed.Replace("01:04:", "03:04:") + ScanFolder.Noise(5, "c");
        folder.Append("conserver/web-01.log", appended);
        var (_, second) = folder.Scan();
        Assert.Equal(appended.Length, Number(second, "bytes"));
        Assert.Equal((1L, 1L), (Number(second, "reports"), Number(second, "newReports")));

        var bucket = Assert.Single(folder.Buckets().EnumerateArray());
        Assert.Equal(2, bucket.GetProperty("count").GetInt64());
        Assert.Equal(["web-01"], bucket.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("2017-01-14T01:04:26", bucket.GetProperty("firstSeen").GetString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Rotation_and_compression_of_a_scanned_log_store_nothing_twice(string kind)
    {
        using var folder = new ScanFolder(stores.NewUri(kind));
        folder.Write("web-01.log", ScanFolder.Noise(10) + ScanFolder.Seed + ScanFolder.Noise(5, "a"));
        Assert.Equal(1L, Number(folder.Scan().Json, "newReports"));

        File.Move(folder.PathOf("web-01.log"), folder.PathOf("web-01.log.1"));
        var fresh = ScanFolder.Noise(3, "new") + ScanFolder.Seed.Replace("01:04:", "05:04:") + ScanFolder.Noise(2, "z");
        folder.Write("web-01.log", fresh);
        var (_, rotated) = folder.Scan();
        Assert.Equal(fresh.Length, Number(rotated, "bytes"));
        Assert.Equal(1L, Number(rotated, "newReports"));

        folder.Gzip("web-01.log.1", "web-01.log.2.gz");
        var (_, compressed) = folder.Scan();
        Assert.Equal((1L, 0L), (Number(compressed, "reports"), Number(compressed, "newReports")));
        Assert.Equal(2, Assert.Single(folder.Buckets().EnumerateArray()).GetProperty("count").GetInt64());
    }

    [Fact]
    public void A_truncated_log_is_read_again_from_its_start()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("web-01.log", ScanFolder.Noise(200) + ScanFolder.Seed + ScanFolder.Noise(5, "a"));
        folder.Scan();
        var rewritten = ScanFolder.Seed.Replace("01:04:", "07:04:") + ScanFolder.Noise(5, "b");
        folder.Write("web-01.log", rewritten);
        var (_, again) = folder.Scan();
        Assert.Equal(rewritten.Length, Number(again, "bytes"));
        Assert.Equal(1L, Number(again, "newReports"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_report_cut_by_the_end_of_the_log_is_completed_by_the_next_scan_not_stored_twice(string kind)
    {
        using var folder = new ScanFolder(stores.NewUri(kind));
        var lines = ScanFolder.Seed.Split('\n');
        var head = string.Join('\n', lines[..30]) + "\n";
        var rest = string.Join('\n', lines[30..]);
        folder.Write("web-01.log", ScanFolder.Noise(10) + head);
        folder.Scan();
        var pending = Show(folder, Assert.Single(folder.Buckets().EnumerateArray()).GetProperty("id").GetString()!);
        Assert.True(pending.GetProperty("pending").GetBoolean());

        folder.Append("web-01.log", rest + ScanFolder.Noise(5, "a"));
        var (_, completed) = folder.Scan();
        Assert.Equal(0L, Number(completed, "newReports"));
        var buckets = folder.Buckets();
        Assert.Equal(1, buckets.GetArrayLength());
        var report = Show(folder, buckets[0].GetProperty("id").GetString()!);
        Assert.False(report.GetProperty("pending").GetBoolean());
        Assert.Equal((11L, 10L + lines.Length - 1), (report.GetProperty("startLine").GetInt64(), report.GetProperty("endLine").GetInt64()));
        Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", report.GetProperty("title").GetString());
    }

    private static JsonElement Show(ScanFolder folder, string bucket)
    {
        var run = CliRun.Invoke("show", bucket, "--db", folder.Db, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public void Gzip_xz_zstd_and_bzip2_logs_are_scanned_like_the_plain_log()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        var fixtures = Path.Combine(RepoPaths.Root, "tests", "PanicLens.Core.Tests", "Fixtures", "compressed");
        folder.Write("plain.log", ScanFolder.Seed);
        foreach (var (extension, host) in new[] { ("xz", "xz-01"), ("zst", "zst-01"), ("bz2", "bz2-01") })
            File.Copy(Path.Combine(fixtures, $"xen-dom0-inet-diag.log.{extension}"), folder.PathOf($"{host}.log.1.{extension}"));
        folder.Write("gz-01.log", ScanFolder.Seed);
        folder.Gzip("gz-01.log", "gz-01.log.2.gz");
        var (run, json) = folder.Scan();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal((5L, 5L), (Number(json, "files"), Number(json, "newReports")));
        var bucket = Assert.Single(folder.Buckets().EnumerateArray());
        Assert.Equal(["bz2-01", "gz-01", "plain", "xz-01", "zst-01"], bucket.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", bucket.GetProperty("title").GetString());
    }

    [Fact]
    public void Unreadable_and_corrupt_files_are_named_and_skipped_the_rest_is_scanned_and_the_exit_code_says_so()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("good.log", ScanFolder.Seed + ScanFolder.Noise(3));
        folder.Write("bad.log.1.gz", "\u001f\u008b\u0008\u0000garbage that is no deflate stream at all");
        File.CreateSymbolicLink(folder.PathOf("gone.log"), folder.PathOf("nowhere.log"));
        var (run, json) = folder.Scan();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1L, Number(json, "newReports"));
        var skipped = json.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("path").GetString()).ToList();
        Assert.Equal([folder.PathOf("bad.log.1.gz"), folder.PathOf("gone.log")], skipped);
        Assert.Contains("corrupt gzip archive", json.GetProperty("skipped")[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Two_scans_of_one_archive_at_once_store_every_report_once(string kind)
    {
        var db = stores.NewUri(kind);
        var production = RepoPaths.Corpus("production");
        var runs = new CliRun[2];
        Parallel.For(0, 2, i => runs[i] = CliRun.Invoke("scan", production, "--db", db, "--format", "json"));
        var found = runs.Select(r => JsonDocument.Parse(r.Stdout).RootElement).ToList();
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        // Each run reads what the other has not stored yet, so only the sum of new reports is fixed: every report of
        // one scan alone, once.
        var alone = JsonDocument.Parse(CliRun.Invoke("scan", production, "--db", stores.NewSqlite(), "--format", "json").Stdout).RootElement;
        var reports = Number(alone, "reports");
        Assert.Equal(reports, Number(found[0], "newReports") + Number(found[1], "newReports"));
        var hosts = CliRun.Invoke("hosts", "--db", db, "--format", "json");
        var stored = JsonDocument.Parse(hosts.Stdout).RootElement.GetProperty("hosts").EnumerateArray().Sum(h => h.GetProperty("reports").GetInt64());
        Assert.Equal(reports, stored);
    }

    [Fact]
    public void The_corpus_scanned_into_sqlite_and_into_postgres_gives_the_same_buckets()
    {
        var corpus = Path.Combine(RepoPaths.Shared, "corpus");
        string Buckets(string db)
        {
            var scan = CliRun.Invoke("scan", corpus, "--db", db, "--format", "json");
            Assert.True(scan.ExitCode == 0, scan.Stderr + scan.Stdout);
            var run = CliRun.Invoke("buckets", "--db", db, "--format", "json");
            var buckets = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("buckets");
            // Logs without dates are dated by the scan's clock; every other field must agree.
            return string.Join("\n", buckets.EnumerateArray().Select(b => string.Join(" | ",
                b.EnumerateObject().Where(p => p.Name is not ("firstSeen" or "lastSeen")).Select(p => p.Value.GetRawText()))));
        }
        var sqlite = Buckets(stores.NewSqlite());
        Assert.Equal(sqlite, Buckets(stores.NewPostgres()));
        Assert.True(sqlite.Split('\n').Length > 100, sqlite);
    }

    [Fact]
    public void Scan_finds_in_each_log_the_reports_analyze_finds()
    {
        var corpus = Path.Combine(RepoPaths.Shared, "corpus");
        var db = stores.NewSqlite();
        var scan = JsonDocument.Parse(CliRun.Invoke("scan", corpus, "--db", db, "--format", "json").Stdout).RootElement;
        var hosts = JsonDocument.Parse(CliRun.Invoke("hosts", "--db", db, "--format", "json").Stdout).RootElement.GetProperty("hosts")
            .EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("reports").GetInt64());
        var pipeline = new ReportPipeline();
        var naming = Scanning.HostNaming.Create(null);
        var expected = new Dictionary<string, long>();
        long total = 0;
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories))
        {
            using var input = File.OpenRead(file);
            var count = pipeline.Analyze(input, file).LongCount();
            var host = naming.HostOf(file);
            expected[host] = expected.GetValueOrDefault(host) + count;
            total += count;
        }
        Assert.Equal(total, Number(scan, "reports"));
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), hosts.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
