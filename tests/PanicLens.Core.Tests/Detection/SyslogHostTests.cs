using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Detection;

/// <summary>A collector's file of many hosts: lines of another host never belong to a report, whatever they look like.</summary>
public sealed class SyslogHostTests
{
    private static List<CrashRegion> Detect(string log, int maxForeign = 1000) =>
        new CrashDetector { MaxForeignLines = maxForeign }.Detect(LineReader.Read(log)).ToList();

    private static readonly string[] Oops =
    [
        "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
        "CPU: 1 PID: 4242 Comm: worker Not tainted 6.1.0 #1",
        "RIP: 0010:do_thing+0x12/0x40",
        "Call Trace:",
        " do_thing+0x12/0x40",
        " worker_loop+0x88/0x100",
        " kthread+0x10a/0x130",
    ];

    /// <summary>The oops of web01 with a line of web02 after each of its lines, in the given syslog form.</summary>
    private static string Interleaved(Func<string, int, string, string> form, string other)
    {
        var lines = new List<string>();
        for (var i = 0; i < Oops.Length; i++)
        {
            lines.Add(form("web01", i, Oops[i]));
            lines.Add(form("web02", i, other));
        }
        return string.Join("\n", lines) + "\n";
    }

    public static TheoryData<string> Forms() => ["rfc3164", "rfc5424", "iso"];

    private static Func<string, int, string, string> Form(string name) => name switch
    {
        "rfc3164" => (host, i, text) => $"Jan 14 01:04:{i:D2} {host} kernel: {text}",
        "rfc5424" => (host, i, text) => $"<4>1 2017-01-14T01:04:{i:D2}.003Z {host} kernel - - - {text}",
        _ => (host, i, text) => $"2017-01-14T01:04:{i:D2}+08:00 {host} kernel: {text}",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_report_holds_only_its_hosts_lines(string form)
    {
        // Lines that look like report output (a register dump) must not join web01's report either.
        var region = Assert.Single(Detect(Interleaved(Form(form), "RAX: 0000000000000000 RBX: ffff88000f2eab68 RCX: 0000000e43924da9")));
        Assert.Equal(Oops.Length, region.Lines.Count);
        Assert.All(region.Lines, line => Assert.Equal("web01", line.Host));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Another_hosts_crash_opens_its_own_report_without_ending_this_one(string form)
    {
        var regions = Detect(Interleaved(Form(form), "WARNING: CPU: 0 PID: 7 at net/core/dev.c:1 f+0x1/0x2"));
        Assert.Single(regions, r => r.Lines[0].Host == "web01" && r.Lines.Count == Oops.Length);
        Assert.Contains(regions, r => r.Lines[0].Host == "web02");
    }

    [Fact]
    public void The_report_of_a_host_that_went_silent_ends_after_other_hosts_lines()
    {
        var form = Form("rfc3164");
        var lines = Oops.Select((text, i) => form("web01", i, text)).ToList();
        lines.AddRange(Enumerable.Range(0, 30).Select(i => form("web02", i, "RAX: 0000000000000000 RBX: ffff88000f2eab68")));
        lines.AddRange(Oops.Select((text, i) => form("web01", i, text)));
        var regions = Detect(string.Join("\n", lines) + "\n", maxForeign: 20);
        Assert.Equal(2, regions.Count);
        Assert.All(regions, r => Assert.Equal(Oops.Length, r.Lines.Count));
    }

    [Fact]
    public void Other_programs_lines_are_left_out_of_a_report_yet_count_toward_its_end()
    {
        var form = Form("rfc3164");
        var lines = Oops.Select((text, i) => form("web01", i, text)).ToList();
        lines.Insert(4, "Jan 14 01:04:03 web01 systemd[1]: Started Session 7 of user root.");
        lines.AddRange(Enumerable.Range(0, 60).Select(i => $"Jan 14 01:05:{i % 60:D2} web01 CRON[{i}]: (root) CMD (true)"));
        lines.Add(form("web01", 9, "RAX: 0000000000000000 RBX: ffff88000f2eab68 RCX: 0000000e43924da9"));
        var region = Assert.Single(Detect(string.Join("\n", lines) + "\n"));
        Assert.Equal(Oops.Length, region.Lines.Count);
        Assert.All(region.Lines, line => Assert.Equal("kernel", line.Origin));
    }
}
