using System.Text.Json;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>`hosts` (last crash, last boot, hosts named by syslog fields) and `show` (the report's lines with their numbers).</summary>
public sealed class HostsAndShowTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    private static Dictionary<string, JsonElement> Hosts(ScanFolder folder)
    {
        var run = CliRun.Invoke("hosts", "--db", folder.Db, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("hosts").EnumerateArray()
            .ToDictionary(h => h.GetProperty("name").GetString()!);
    }

    /// <summary>A console line of one host as a remote syslog server writes it.</summary>
    private static string Syslog(string host, string text, int second = 0) => $"Jan 14 01:04:{second:00} {host} kernel: [  12.{second:000000}] {text}\n";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Hosts_lists_the_last_boot_beside_the_last_crash(string kind)
    {
        using var folder = new ScanFolder(stores.NewUri(kind));
        folder.Write("web-01.log", "2017-01-14 00:00:01\tLinux version 2.6.32.30-xen (gcc version 4.4) #1 SMP\n" + ScanFolder.Noise(20)
            + ScanFolder.Seed + "2017-01-14 03:00:00\tLinux version 2.6.32.36-xen (gcc version 4.4) #2 SMP\n" + ScanFolder.Noise(3, "b"));
        folder.Write("web-02.log", ScanFolder.Noise(10));
        folder.Scan();
        var hosts = Hosts(folder);
        Assert.Equal("2017-01-14T03:00:00", hosts["web-01"].GetProperty("lastBoot").GetString());
        Assert.Equal("2.6.32.36-xen", hosts["web-01"].GetProperty("lastBootKernel").GetString());
        Assert.Equal("2017-01-14T01:04:26", hosts["web-01"].GetProperty("lastCrash").GetString());
        Assert.Equal(JsonValueKind.Null, hosts["web-02"].GetProperty("lastBoot").ValueKind);

        // An older boot read later (a rotated log scanned after) does not move the last boot back.
        folder.Write("web-01.log.1", "2017-01-13 00:00:01\tLinux version 2.6.32.20-xen (gcc version 4.4) #1 SMP\n" + ScanFolder.Noise(3, "old"));
        folder.Scan();
        Assert.Equal("2.6.32.36-xen", Hosts(folder)["web-01"].GetProperty("lastBootKernel").GetString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_log_named_for_no_host_takes_each_report_and_boot_host_from_its_syslog_host_field(string kind)
    {
        using var folder = new ScanFolder(stores.NewUri(kind));
        var crash = ScanFolder.Seed.Split('\n').Where(l => l.Length > 0).Select(l => l[(l.IndexOf('\t') + 1)..]).ToList();
        var log = Syslog("db-07", "Linux version 5.10.0-9-amd64 (debian-kernel@lists.debian.org) #1 SMP", 1)
            + Syslog("web-03", "Linux version 2.6.32.36-xen (gcc version 4.4) #1 SMP", 2)
            + string.Concat(Enumerable.Range(0, 30).Select(i => $"Jan 14 01:04:03 db-07 sshd[{100 + i}]: Accepted publickey for admin\n"))
            + string.Concat(crash.Select(l => Syslog("web-03", l, 9)))
            + string.Concat(Enumerable.Range(0, 80).Select(i => $"Jan 14 01:05:00 db-07 CRON[{200 + i}]: (root) CMD (true)\n"));
        folder.Write("syslog-server/messages", log);
        folder.Scan();
        var hosts = Hosts(folder);
        Assert.Equal(1, hosts["web-03"].GetProperty("reports").GetInt64());
        Assert.Equal("2.6.32.36-xen", hosts["web-03"].GetProperty("lastBootKernel").GetString());
        Assert.Equal("5.10.0-9-amd64", hosts["db-07"].GetProperty("lastBootKernel").GetString());
        Assert.Equal(0, hosts["db-07"].GetProperty("reports").GetInt64());
        // The file itself belongs to its folder's host, which printed nothing.
        Assert.Equal(0, hosts["syslog-server"].GetProperty("reports").GetInt64());

        // A file name that names a host wins over the lines' fields.
        using var named = new ScanFolder(stores.NewUri(kind));
        named.Write("web-09.log", log);
        named.Scan();
        var only = Assert.Single(Hosts(named));
        Assert.Equal(("web-09", 1L, "2.6.32.36-xen"), (only.Key, only.Value.GetProperty("reports").GetInt64(), only.Value.GetProperty("lastBootKernel").GetString()));
    }

    [Fact]
    public void Show_prints_the_report_lines_with_their_line_numbers_in_the_source_file()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("web-01.log", ScanFolder.Noise(50) + ScanFolder.Seed + ScanFolder.Noise(5, "a"));
        folder.Scan();
        var bucket = folder.Buckets()[0].GetProperty("id").GetString()!;
        var run = CliRun.Invoke("show", bucket, "--db", folder.Db);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var seed = ScanFolder.Seed.Split('\n');
        Assert.Contains("\n 51  " + seed[0][(seed[0].IndexOf('\t') + 1)..] + "\n", run.Stdout);
        Assert.Contains($"\n{50 + seed.Length - 1}  ", run.Stdout);
    }

    [Fact]
    public void A_crash_appended_after_a_scan_gets_the_release_of_the_boot_banner_read_by_the_scan_before()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("web-01.log", "2017-01-14 00:00:01\tLinux version 4.19.0-test (gcc version 8) #1 SMP\n" + ScanFolder.Noise(20));
        folder.Scan();
        folder.Append("web-01.log", ScanFolder.Noise(5, "b") + "2017-01-14 03:00:00\tKernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n" + ScanFolder.Noise(60, "c"));
        var (_, json) = folder.Scan();
        Assert.Equal(1L, json.GetProperty("newReports").GetInt64());
        Assert.Equal(["4.19.0-test"], folder.Buckets()[0].GetProperty("kernels").EnumerateArray().Select(k => k.GetString()));
    }
}
