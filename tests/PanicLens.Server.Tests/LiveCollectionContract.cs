using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PanicLens.Server.Tests;

/// <summary>
/// The live path end to end with real sockets and real senders (util-linux `logger`, rsyslog, a netconsole-format
/// sender, files under `--follow`, HTTP uploads): what arrives is stored with the titles `analyze` gives the same
/// lines. Runs on SQLite and on PostgreSQL (the two subclasses).
/// </summary>
public abstract class LiveCollectionContract
{
    protected abstract string Kind { get; }

    private static readonly string[] SeedLines = Replay.KernelLines(Replay.Seed);

    private static readonly List<string> SeedTitles = Replay.AnalyzeTitles(SeedLines);

    private static string WriteTemp(IEnumerable<string> lines)
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, lines, Encoding.Latin1);
        return file;
    }

    [Theory]
    [InlineData("--udp --rfc3164")]
    [InlineData("--udp --rfc5424")]
    [InlineData("--tcp --rfc3164")]
    [InlineData("--tcp --rfc5424")]
    [InlineData("--tcp --rfc5424 --octet-count")]
    public async Task The_seed_sent_by_logger_is_stored_with_the_titles_analyze_gives(string mode)
    {
        await using var server = await TestServer.Start(Kind);
        var file = WriteTemp(SeedLines);
        var port = server.Port(mode.Contains("--udp") ? "syslog-udp" : "syslog-tcp");
        Replay.Run("logger", $"--server 127.0.0.1 --port {port} {mode} -t kernel --size 16384 -f {file}");
        File.Delete(file);
        var reports = await server.Reports(null, SeedTitles.Count);
        Assert.Equal(SeedTitles, TestServer.Titles(reports));
        Assert.All(reports, r => Assert.Equal(["syslog"], r.GetProperty("sources").EnumerateArray().Select(s => s.GetString())));
        Assert.Equal(SeedLines.Length, server.Server.Metrics.Get("paniclens_lines_total", mode.Contains("--udp") ? "syslog-udp" : "syslog-tcp"));
    }

    [Fact]
    public async Task A_real_rsyslog_forwarding_octet_counted_tcp_delivers_the_seed()
    {
        await using var server = await TestServer.Start(Kind);
        await using var rsyslog = RsyslogForwarder.Start(server.Port("syslog-tcp"), "rs-host-01");
        rsyslog.Replay(SeedLines);
        var reports = await server.Reports("rs-host-01", SeedTitles.Count, timeout: 60);
        Assert.Equal(SeedTitles, TestServer.Titles(reports));
    }

    [Fact]
    public async Task Extended_netconsole_with_fragments_is_reassembled_and_a_sequence_gap_marks_the_report_lossy()
    {
        await using var server = await TestServer.Start(Kind, o => o with { NetconsoleHosts = new Dictionary<string, string> { ["127.0.0.1"] = "nc-host" } });
        // The module list is ~1.3 KB: sent as two ncfrag datagrams, which must come back as one line.
        Assert.Contains(SeedLines, l => l.Length > 1000);
        Senders.Netconsole(server.Port("netconsole-udp"), SeedLines, fragment: 700);
        var whole = await server.Reports("nc-host", SeedTitles.Count);
        Assert.Equal(SeedTitles, TestServer.Titles(whole));
        Assert.All(whole, r => Assert.False(r.GetProperty("lossy").GetBoolean()));
        Assert.Equal(0, server.Server.Metrics.Get("paniclens_sequence_gaps_total", "netconsole-udp"));

        await using var lossy = await TestServer.Start(Kind);
        Senders.Netconsole(lossy.Port("netconsole-udp"), SeedLines, skip: new HashSet<int> { 30, 31 });
        var reports = await lossy.Reports("127.0.0.1", 1);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.True(r.GetProperty("lossy").GetBoolean()));
        Assert.Equal(2, lossy.Server.Metrics.Get("paniclens_sequence_gaps_total", "netconsole-udp"));
    }

    [Fact]
    public async Task Plain_netconsole_lines_split_across_datagrams_are_joined()
    {
        await using var server = await TestServer.Start(Kind);
        var text = string.Join("\n", SeedLines.Select(l => "[ 4552.564718] " + l)) + "\n";
        using var udp = new System.Net.Sockets.UdpClient();
        udp.Connect("127.0.0.1", server.Port("netconsole-udp"));
        // Cut at arbitrary byte counts, not at line ends, as a console driver's buffer flushes.
        for (var offset = 0; offset < text.Length; offset += 333)
            udp.Send(Encoding.Latin1.GetBytes(text.Substring(offset, Math.Min(333, text.Length - offset))));
        var reports = await server.Reports("127.0.0.1", SeedTitles.Count);
        Assert.Equal(SeedTitles, TestServer.Titles(reports));
    }

    [Fact]
    public async Task Followed_console_logs_are_read_as_they_grow_across_rotation_and_truncation()
    {
        // A quiet period well above the pauses between the writes below, even on a loaded machine: this test is about
        // files, not about when a report completes.
        await using var server = await TestServer.Start(Kind, o => o with { Quiet = TimeSpan.FromSeconds(3) });
        var log = Path.Combine(server.FollowFolder, "sol-host.log");
        var stamped = SeedLines.Select(l => "[ 4552.564718] " + l).ToArray();
        File.WriteAllLines(log, ["[    0.000000] Linux version 2.6.32.36-xen (build@host) #1 SMP", "[   12.000000] eth0: link up"]);
        await Task.Delay(400);
        // Appended in pieces, a line cut between two writes.
        var text = string.Join("\n", stamped) + "\n";
        var half = text.Length / 2 + 7;
        File.AppendAllText(log, text[..half], Encoding.Latin1);
        await Task.Delay(300);
        File.AppendAllText(log, text[half..], Encoding.Latin1);
        Assert.Equal(SeedTitles, TestServer.Titles(await server.Reports("sol-host", SeedTitles.Count)));

        // Rotation by rename: a second crash (another process name) written to the new file.
        File.Move(log, log + ".1");
        var second = stamped.Select(l => l.Replace("comm: ss", "comm: ip").Replace("Process ss", "Process ip")).ToArray();
        File.WriteAllText(log, string.Join("\n", second) + "\n", Encoding.Latin1);
        var afterRotation = await server.Reports("sol-host", SeedTitles.Count * 2);
        Assert.Equal(SeedTitles.Count * 2, afterRotation.Count);

        // Truncation in place (copytruncate), then a third crash.
        File.WriteAllText(log, "");
        await Task.Delay(400);
        File.AppendAllText(log, string.Join("\n", stamped.Select(l => l.Replace("comm: ss", "comm: nl").Replace("Process ss", "Process nl"))) + "\n", Encoding.Latin1);
        var afterTruncation = await server.Reports("sol-host", SeedTitles.Count * 3);
        Assert.True(SeedTitles.Count * 3 == afterTruncation.Count, string.Join("\n", afterTruncation.Select(r => r.GetRawText())));
        Assert.All(afterTruncation, r => Assert.Equal("2.6.32.36-xen", r.GetProperty("kernel").GetString()));
    }

    [Fact]
    public async Task A_new_boot_after_silence_is_a_reset_event_and_a_boot_after_a_crash_or_a_reboot_is_not()
    {
        await using var server = await TestServer.Start(Kind);
        const string banner = "[    0.000000] Linux version 5.10.0-21-amd64 (debian-kernel@lists.debian.org) (gcc-10 (Debian 10.2.1-6) 10.2.1 20210110, GNU ld (GNU Binutils for Debian) 2.35.2) #1 SMP Debian 5.10.162-1 (2023-01-21)";
        var log = Path.Combine(server.FollowFolder, "bmc-host.log");
        // Boot, work, then a reset with no word: one event carrying the last lines.
        File.WriteAllLines(log, [banner, "[   10.000000] eth0: link up", "[ 5000.000000] md: data-check of RAID array md0", banner]);
        var reports = await server.Reports("bmc-host", 1);
        Assert.Equal(["reset without crash report"], TestServer.Titles(reports));
        var reset = await server.Get("/api/v1/reports/" + reports[0].GetProperty("id").GetInt64());
        Assert.EndsWith("md: data-check of RAID array md0\n", reset.GetProperty("rawText").GetString());
        Assert.Equal("5.10.0-21-amd64", reset.GetProperty("report").GetProperty("kernel").GetString());
        // An orderly reboot, then a crash, then a boot: neither boot is a reset without a report.
        var stamped = SeedLines.Select(l => "[ 4552.564718] " + l);
        File.AppendAllText(log, string.Join("\n", ["[   20.000000] systemd-shutdown[1]: Rebooting.", "[   20.100000] reboot: Restarting system", banner,
            .. stamped, banner]) + "\n", Encoding.Latin1);
        await server.Settle(1 + SeedTitles.Count);
        Assert.Equal([.. SeedTitles, "reset without crash report"], TestServer.Titles(await server.Reports("bmc-host", 2)));
    }

    [Fact]
    public async Task A_boot_banner_sent_by_logger_is_the_hosts_last_boot_and_an_older_banner_does_not_replace_it()
    {
        await using var server = await TestServer.Start(Kind);
        var port = server.Port("syslog-tcp");
        const string older = "[    0.000000] Linux version 5.10.0-21-amd64 (debian-kernel@lists.debian.org) (gcc-10 (Debian 10.2.1-6) 10.2.1 20210110) #1 SMP Debian 5.10.162-1 (2023-01-21)";
        static string Banner(string release) => $"[    0.000000] Linux version {release} (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)";
        void Logger(string line)
        {
            var file = WriteTemp([line]);
            Replay.Run("logger", $"--server 127.0.0.1 --port {port} --tcp --rfc5424 -t kernel -f {file}");
            File.Delete(file);
        }
        Logger(Banner("6.1.0-27-amd64"));
        var booted = await WaitForHost(server, h => h.GetProperty("lastBootKernel").GetString() == "6.1.0-27-amd64");
        var host = booted.GetProperty("name").GetString()!;
        var bootedAt = booted.GetProperty("lastBoot").GetString();
        // The same host's banner stamped this morning (the sender's fixed time: before logger's now), then a crash
        // stored after it by the same writer: the older boot has been handled and left the newer one.
        Senders.SyslogTcp(port, host, [older, .. SeedLines.Select(l => "[ 4552.564718] " + l)], octetCounted: true);
        await server.Reports(host, SeedTitles.Count);
        await server.Settle(SeedTitles.Count);
        var after = await WaitForHost(server, h => h.GetProperty("name").GetString() == host);
        Assert.Equal(("6.1.0-27-amd64", bootedAt), (after.GetProperty("lastBootKernel").GetString(), after.GetProperty("lastBoot").GetString()));
        Logger(Banner("6.1.0-28-amd64"));
        await WaitForHost(server, h => h.GetProperty("lastBootKernel").GetString() == "6.1.0-28-amd64");
    }

    /// <summary>The first host of `/api/v1/hosts` that <paramref name="match"/>es, waiting for it up to 30 s.</summary>
    private static async Task<JsonElement> WaitForHost(TestServer server, Func<JsonElement, bool> match)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var hosts = (await server.Get("/api/v1/hosts")).GetProperty("hosts").EnumerateArray().ToList();
            if (hosts.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } found)
                return found;
            Assert.True(DateTime.UtcNow < until, "no such host: " + string.Join("\n", hosts.Select(h => h.GetRawText())));
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task One_crash_over_syslog_and_the_console_log_is_one_report_with_both_sources()
    {
        await using var server = await TestServer.Start(Kind);
        var stamped = SeedLines.Select(l => "[ 4552.564718] " + l).ToArray();
        Senders.SyslogTcp(server.Port("syslog-tcp"), "web-01", stamped, octetCounted: true);
        File.WriteAllLines(Path.Combine(server.FollowFolder, "web-01.log"), stamped, Encoding.Latin1);
        await server.Settle(2 * SeedTitles.Count);
        var reports = await server.Reports("web-01", SeedTitles.Count);
        Assert.Equal(SeedTitles, TestServer.Titles(reports));
        Assert.All(reports, r => Assert.Equal(["console", "syslog"],
            r.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Two_serve_processes_on_one_store_receiving_the_same_crash_store_it_once()
    {
        var stores = new PanicLens.Storage.Tests.TestStores();
        var uri = stores.NewUri(Kind);
        await using var first = await TestServer.Start(Kind, storeUri: uri);
        await using var second = await TestServer.Start(Kind, storeUri: uri);
        var stamped = SeedLines.Select(l => "[ 4552.564718] " + l).ToArray();
        var sends = new[] { first, second }.Select(s => Task.Run(() => Senders.SyslogTcp(s.Port("syslog-tcp"), "web-09", stamped, octetCounted: true)));
        await Task.WhenAll(sends);
        await first.Settle(SeedTitles.Count);
        await second.Settle(SeedTitles.Count);
        Assert.Equal(SeedTitles.Count, first.Server.Metrics.Get("paniclens_reports_total", "syslog"));
        Assert.Equal(SeedTitles.Count, second.Server.Metrics.Get("paniclens_reports_total", "syslog"));
        Assert.Equal(SeedTitles.Count, first.Server.Metrics.Get("paniclens_reports_new_total", "syslog")
            + second.Server.Metrics.Get("paniclens_reports_new_total", "syslog"));
        Assert.Equal(SeedTitles, TestServer.Titles(await first.Reports("web-09")));
        Assert.Equal(SeedTitles, TestServer.Titles(await second.Reports("web-09")));
        stores.Dispose();
    }

    [Fact]
    public async Task A_gzip_upload_is_stored_before_the_answer_and_needs_a_write_token()
    {
        await using var server = await TestServer.Start(Kind);
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(File.ReadAllBytes(Replay.Seed));
        using var anonymous = new HttpClient { BaseAddress = server.Server.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/logs?host=up-01", new ByteArrayContent(gz.ToArray()))).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", TestServer.ViewerToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsync("/api/v1/logs?host=up-01", new ByteArrayContent(gz.ToArray()))).StatusCode);

        using var response = await server.Http.PostAsync("/api/v1/logs?host=up-01", new ByteArrayContent(gz.ToArray()));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var analyzed = Replay.AnalyzeTitles(File.ReadAllLines(Replay.Seed, Encoding.Latin1));
        Assert.Equal(analyzed, TestServer.Titles(body.GetProperty("reports").EnumerateArray()));
        Assert.All(body.GetProperty("reports").EnumerateArray(), r => Assert.True(r.GetProperty("new").GetBoolean()));
        // Stored when acknowledged: listed at once, no waiting.
        Assert.Equal(analyzed.Count, (await server.Get("/api/v1/reports?host=up-01")).GetProperty("reports").GetArrayLength());
        using var again = await server.Http.PostAsync("/api/v1/logs?host=up-01", new ByteArrayContent(gz.ToArray()));
        Assert.All(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("reports").EnumerateArray(),
            r => Assert.False(r.GetProperty("new").GetBoolean()));
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_and_a_corrupt_gzip_is_an_error()
    {
        await using var server = await TestServer.Start(Kind, o => o with { Limits = o.Limits with { MaxUploadBytes = 4096 } });
        using var big = await server.Http.PostAsync("/api/v1/logs?host=up-02", new ByteArrayContent(File.ReadAllBytes(Replay.Seed)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        using var corrupt = await server.Http.PostAsync("/api/v1/logs?host=up-02", new ByteArrayContent([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
    }

    [Fact]
    public async Task The_bucket_api_answers_the_objects_of_buckets_format_json()
    {
        await using var server = await TestServer.Start(Kind);
        using var upload = await server.Http.PostAsync("/api/v1/logs?host=api-01", new ByteArrayContent(File.ReadAllBytes(Replay.Seed)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var api = (await server.Get("/api/v1/buckets")).GetProperty("buckets");
        var output = new MemoryStream();
        Assert.Equal(0, PanicLens.Cli.PanicLensApp.Run(["buckets", "--db", server.StoreUri, "--format", "json"],
            new PanicLens.Cli.CliIo(new MemoryStream(), output, new StringWriter())));
        var cli = JsonDocument.Parse(output.ToArray()).RootElement.GetProperty("buckets");
        Assert.Equal(cli.GetRawText().Replace(" ", "").Replace("\n", ""), api.GetRawText().Replace(" ", "").Replace("\n", ""));
        var id = api[0].GetProperty("id").GetString();
        var bucket = await server.Get("/api/v1/buckets/" + id);
        Assert.Equal("api-01", bucket.GetProperty("reports")[0].GetProperty("host").GetString());
        var reportId = bucket.GetProperty("reports")[0].GetProperty("id").GetInt64();
        var report = await server.Get("/api/v1/reports/" + reportId);
        Assert.Equal("ipv6_addr_copy", report.GetProperty("analysis").GetProperty("guiltyFrame").GetString());
        Assert.Contains("BUG: unable to handle kernel paging request", report.GetProperty("rawText").GetString());
        var hosts = (await server.Get("/api/v1/hosts")).GetProperty("hosts");
        Assert.Equal("api-01", hosts[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Health_answers_without_a_token_and_everything_else_refuses_one_missing_or_wrong()
    {
        await using var server = await TestServer.Start(Kind);
        using var anonymous = new HttpClient { BaseAddress = server.Server.Address };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        foreach (var path in new[] { "/api/v1/buckets", "/api/v1/reports", "/api/v1/hosts", "/metrics", "/", "/reports/1" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/buckets")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", TestServer.ViewerToken);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/buckets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
    }
}

public sealed class SqliteLiveCollectionTests : LiveCollectionContract
{
    protected override string Kind => "sqlite";
}

public sealed class PostgresLiveCollectionTests : LiveCollectionContract
{
    protected override string Kind => "postgres";
}
