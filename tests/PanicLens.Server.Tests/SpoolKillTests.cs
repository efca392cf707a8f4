using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;
using PanicLens.Storage.Tests;

namespace PanicLens.Server.Tests;

/// <summary>
/// The real `paniclens serve` process with a spool, killed with SIGKILL while live streams arrive and restarted on its
/// store and spool: every report whose lines it received is stored, none twice, including those still open, queued,
/// or held back by a locked database at the kill.
/// </summary>
public sealed class SpoolKillTests
{
    [Fact]
    public async Task Reports_received_over_syslog_tcp_before_a_kill_9_are_stored_once_after_a_restart()
    {
        using var stores = new TestStores();
        var db = stores.NewSqlite();
        var spool = NewSpoolFolder();
        var port = KillTests.FreePort();
        using var client = Client(port);
        var seed = Replay.KernelLines(Replay.Seed);
        var perHost = Replay.AnalyzeTitles(seed).Count;
        var received = new List<string>();
        long storedAtKill;
        var syslog = KillTests.FreePort();
        using (var serve = KillTests.Serve(db, port, $"--syslog-tcp {syslog} --spool {spool}"))
        {
            await KillTests.Healthy(client);
            using var tcp = new TcpClient("127.0.0.1", syslog);
            var stream = tcp.GetStream();
            long lines = 0;
            var metrics = "";
            var killAt = DateTime.UtcNow.AddSeconds(3);
            for (var i = 0; DateTime.UtcNow < killAt; i++)
            {
                var host = $"spool-{i}";
                stream.Write(Senders.SyslogFrames(host, seed, octetCounted: true));
                lines += seed.Length;
                // Received: the server has handed every line of this host to its streams.
                do
                    metrics = await client.GetStringAsync("/metrics");
                while (Metric(metrics, "paniclens_lines_total") < lines);
                received.Add(host);
            }
            storedAtKill = Metric(metrics, "paniclens_reports_total");
            // A host half sent when the process dies: in flight, it may or may not be stored.
            stream.Write(Senders.SyslogFrames("spool-partial", seed[..(seed.Length / 2)], octetCounted: true));
            await Task.Delay(50);
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        Assert.True(storedAtKill < received.Count * perHost, $"every report was stored before the kill ({storedAtKill}): the spool was not needed");

        using var again = KillTests.Serve(db, port, $"--syslog-tcp {KillTests.FreePort()} --spool {spool}");
        try
        {
            await KillTests.Healthy(client);
            var hosts = await WaitForHosts(client, received);
            foreach (var host in received)
                Assert.Equal(perHost, hosts.Count(h => h == host));
            Assert.True(Metric(await client.GetStringAsync("/metrics"), "paniclens_spool_replayed_total") > 0, "nothing was replayed from the spool");
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task A_report_held_back_by_a_locked_database_survives_a_kill_9_in_the_spool()
    {
        using var stores = new TestStores();
        var db = stores.NewSqlite();
        var spool = NewSpoolFolder();
        var port = KillTests.FreePort();
        using var client = Client(port);
        var seed = Replay.KernelLines(Replay.Seed);
        var syslog = KillTests.FreePort();
        using (var serve = KillTests.Serve(db, port, $"--syslog-tcp {syslog} --spool {spool}"))
        {
            await KillTests.Healthy(client);
            using (var locker = new SqliteConnection("Data Source=" + db["sqlite:".Length..] + ";Pooling=false"))
            {
                locker.Open();
                using (var begin = locker.CreateCommand())
                {
                    begin.CommandText = "BEGIN EXCLUSIVE";
                    begin.ExecuteNonQuery();
                }
                Senders.SyslogTcp(syslog, "locked-host", seed, octetCounted: true);
                // The report completes (300 ms after its panic line) and reaches a checkpoint; the writer waits on the lock.
                while (Metric(await client.GetStringAsync("/metrics"), "paniclens_lines_total") < seed.Length)
                    await Task.Delay(50);
                await Task.Delay(2500);
                Assert.Equal(0, Metric(await client.GetStringAsync("/metrics"), "paniclens_reports_total"));
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync();
            }
        }

        using var again = KillTests.Serve(db, port, $"--spool {spool}");
        try
        {
            await KillTests.Healthy(client);
            var hosts = await WaitForHosts(client, ["locked-host"]);
            Assert.Equal(Replay.AnalyzeTitles(seed).Count, hosts.Count(h => h == "locked-host"));
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task A_followed_file_is_read_on_after_a_kill_9_from_where_its_spooled_lines_end()
    {
        using var stores = new TestStores();
        var db = stores.NewSqlite();
        var spool = NewSpoolFolder();
        var follow = Path.Combine(Path.GetTempPath(), "paniclens-follow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(follow);
        var port = KillTests.FreePort();
        using var client = Client(port);
        var seed = Replay.KernelLines(Replay.Seed);
        var perHost = Replay.AnalyzeTitles(seed).Count;
        string[] Crash(string uptime) => [.. seed.Select(l => $"[{uptime}] " + l)];
        var log = Path.Combine(follow, "sol-kill.log");
        var replaced = Path.Combine(follow, "sol-replaced.log");
        // Their past before the first start is scan's job: followed from their end.
        File.WriteAllLines(log, Crash("   50.000000"), Encoding.Latin1);
        File.WriteAllLines(replaced, ["[    1.000000] eth0: link up"], Encoding.Latin1);
        var arguments = $"--spool {spool} --follow {follow}";
        try
        {
            using (var serve = KillTests.Serve(db, port, arguments))
            {
                await KillTests.Healthy(client);
                File.AppendAllLines(log, Crash("  100.000000"), Encoding.Latin1);
                await WaitForHosts(client, ["sol-kill"]);
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync();
            }
            // While it is down: the followed file grows, and the other is replaced by a new file (another inode).
            File.AppendAllLines(log, Crash("  200.000000"), Encoding.Latin1);
            File.Delete(replaced);
            File.WriteAllLines(replaced, Crash("  300.000000"), Encoding.Latin1);

            using var again = KillTests.Serve(db, port, arguments);
            try
            {
                await KillTests.Healthy(client);
                var until = DateTime.UtcNow.AddSeconds(60);
                List<string> hosts;
                do
                {
                    await Task.Delay(200);
                    hosts = await KillTests.ReportHosts(client);
                }
                while (hosts.Count(h => h == "sol-kill") < 2 * perHost && DateTime.UtcNow < until);
                await Task.Delay(2000);
                hosts = await KillTests.ReportHosts(client);
                Assert.Equal(2 * perHost, hosts.Count(h => h == "sol-kill"));
                Assert.DoesNotContain("sol-replaced", hosts);
            }
            finally
            {
                again.Kill(entireProcessTree: true);
                await again.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
            Directory.Delete(follow, recursive: true);
        }
    }

    [Fact]
    public void A_spool_in_use_by_another_serve_is_refused()
    {
        var folder = NewSpoolFolder();
        try
        {
            using var first = new Spool(folder, 1 << 20, new ServerMetrics(), NullLogger.Instance);
            var refused = Assert.Throws<ServeException>(() => new Spool(folder, 1 << 20, new ServerMetrics(), NullLogger.Instance));
            Assert.Contains(folder, refused.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string NewSpoolFolder() => Path.Combine(Path.GetTempPath(), "paniclens-spool-" + Guid.NewGuid().ToString("N"));

    private static HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        return client;
    }

    /// <summary>Every stored report's host once all of <paramref name="wanted"/> have one (or 60 s passed).</summary>
    private static async Task<List<string>> WaitForHosts(HttpClient client, IReadOnlyCollection<string> wanted)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var hosts = await KillTests.ReportHosts(client);
            if (wanted.All(hosts.Contains) || DateTime.UtcNow > until)
            {
                await Task.Delay(1000);
                return await KillTests.ReportHosts(client);
            }
            await Task.Delay(200);
        }
    }

    private static long Metric(string text, string name)
    {
        long total = 0;
        foreach (var line in text.Split('\n'))
            if (line.StartsWith(name + "{", StringComparison.Ordinal))
                total += long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        return total;
    }
}
