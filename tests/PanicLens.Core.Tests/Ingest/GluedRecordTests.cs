using System.Text;
using PanicLens.Core.Tests.Signatures;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>
/// A serial console shared with user space: a daemon's line, not yet ended, glued in front of a printk record. printk
/// starts each record with `[%5lu.%06lu]` (and the caller id with CONFIG_PRINTK_CALLER); the text before is the other
/// writer's. Varied: the fragment (syslog head cut anywhere, a daemon's words, punctuation, a quote in front), the
/// stamp with and without caller id; and what is not a glued record (a user's `[1.5]`, a frame address, a line that
/// opened with its own stamp and holds another CPU's record). Not read yet: a fragment that is a whole syslog date and host
/// (`Nov  8 11:01:11 host daemon[  112.6...`): the syslog form takes the line as stamped first.
/// </summary>
public sealed class GluedRecordTests
{
    private static LogLine Single(string raw) => Assert.Single(LineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(raw))));

    public static TheoryData<string> Fragments => new()
    {
        "pcd[5661]: libud", "Nov  8 11:01:1", "syzkaller daemon", ".err dhcpcd[5661", "ce", "Writing inode tables:    0/7453   done ",
        "> Starting Network Manager...", "*** (x) ", "My error: ",
    };

    public static TheoryData<string, string?> Stamps => new()
    {
        { "[  112.612841][   T35] ", "T35" }, { "[  261.180206][    C3] ", "C3" }, { "[   35.502102] ", null }, { "[12345.000001] ", null },
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public void The_record_after_a_fragment_is_read_with_its_stamp(string fragment)
    {
        foreach (var (stamp, caller) in new[] { ("[  112.612841][   T35] ", "T35"), ("[   35.502102] ", (string?)null) })
        {
            var line = Single(fragment + stamp + "WARNING: CPU: 3 PID: 35 at kernel/workqueue.c:2257 __queue_work+0xc3a/0x1080");
            Assert.Equal("WARNING: CPU: 3 PID: 35 at kernel/workqueue.c:2257 __queue_work+0xc3a/0x1080", line.Text);
            Assert.Equal(caller, line.Context);
            Assert.NotNull(line.Uptime);
        }
    }

    [Theory]
    [InlineData("see [1.5] BUG: not a stamp")]                                         // not printk's six-digit fraction
    [InlineData("foo [ 12.34567] bar")]
    [InlineData("x [<ffffffff81000000>] do_page_fault+0x1a0/0x4d0")]
    [InlineData("Modules linked in: nfs [last unloaded: x]")]
    public void Text_without_a_printk_stamp_is_kept_whole(string raw) =>
        Assert.Equal(raw, Single(raw).Text);

    [Fact]
    public void A_line_that_opened_with_its_stamp_keeps_the_record_glued_into_it()
    {
        // Another CPU's record cut into the kernel's own line: the text before it is the kernel's, not a fragment.
        var line = Single("[   92.396607] general protection fault: 0000 [#1] [  387.811073] audit: type=1326");
        Assert.Equal("general protection fault: 0000 [#1] [  387.811073] audit: type=1326", line.Text);
        Assert.Equal("92.396607", line.Uptime);
    }

    [Theory]
    [MemberData(nameof(Stamps))]
    public void A_report_whose_lines_a_daemon_interleaved_is_found_and_titled(string stamp, string? caller)
    {
        string[] fragments = ["pcd[5661]: libud", "ev: received NUL", "Nov  8 11:01:1", "syzkaller daemon", "", ".err dhcpcd[5661"];
        string[] kernel =
        [
            "------------[ cut here ]------------",
            "WARNING: CPU: 3 PID: 35 at kernel/workqueue.c:2257 __queue_work+0xc3a/0x1080",
            "CPU: 3 UID: 0 PID: 35 Comm: kworker/3:0 Not tainted 6.12.0-rc6 #0",
            "RIP: 0010:__queue_work+0xc3a/0x1080",
            "Call Trace:",
            " <TASK>",
            " __queue_delayed_work+0x21b/0x2e0",
            " queue_delayed_work_on+0x12a/0x150",
            " l2cap_chan_timeout+0x1/0x2",
        ];
        var log = new StringBuilder();
        for (var i = 0; i < kernel.Length; i++)
        {
            log.Append(fragments[i % fragments.Length]).Append(stamp).Append(kernel[i]).Append('\n');
            if (i % 3 == 1)
                log.Append("Nov  8 11:01:11 syzkaller daemon.err dhcpcd[5661]: libudev: received NULL device\n");
        }
        var report = Assert.Single(CorpusPipeline.Reports(log.ToString()));
        // The convention skips the workqueue helpers on the RIP line and in the trace (linux.go skip list).
        Assert.Equal("WARNING in l2cap_chan_timeout", report.Title);
        Assert.Equal("kworker/3:0", report.Process?.Comm);
        Assert.Equal(caller, report.Lines[0].Context);
    }
}
