using PanicLens.Detection;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Detection;

public sealed class SyslogOriginTests
{
    private static int RegionCount(string log) => new CrashDetector().Detect(LineReader.Read(log)).Count();

    [Theory]
    [InlineData("Mar 16 23:28:08 localhost gnome-session[1443]: WARNING: Could not launch application 'x.desktop'\n")]
    [InlineData("Mar 16 23:28:08 localhost myapp: BUG: unable to handle kernel paging request (from a log line)\n")]
    [InlineData("2024-03-02T10:00:01+0100 web01 sshd[99]: INFO: task sshd:1 blocked for more than 120 seconds.\n")]
    [InlineData("Mar 16 23:34:51 localhost kernel: ALSA sound/core/pcm_lib.c:181: BUG: pcmC0D0p:0, pos = 0x4000, buffer size = 0x4000\n")]
    public void User_space_programs_and_driver_debug_text_open_no_report(string log)
    {
        Assert.Equal(0, RegionCount(log));
    }

    [Fact]
    public void The_same_header_from_the_kernel_tag_opens_a_report()
    {
        const string log = "Mar 16 23:28:08 localhost kernel: [ 5.1] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008\n" +
                           "Mar 16 23:28:08 localhost kernel: [ 5.1] IP: [<ffffffff81234567>] foo+0x1/0x2\n";
        Assert.Equal(1, RegionCount(log));
    }

    [Fact]
    public void Lines_of_other_programs_inside_a_report_do_not_become_part_of_it()
    {
        const string log = "Mar 16 23:28:08 h kernel: [ 5.1] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008\n" +
                           "Mar 16 23:28:08 h ntpd[1330]: synchronized to 10.0.0.1, stratum 2\n" +
                           "Mar 16 23:28:08 h kernel: [ 5.1] IP: [<ffffffff81234567>] foo+0x1/0x2\n";
        var region = Assert.Single(new CrashDetector().Detect(LineReader.Read(log)));
        Assert.DoesNotContain(region.Lines, l => l.Text.Contains("ntpd") || l.Text.Contains("synchronized"));
    }

    [Theory]
    [InlineData("WARNING: RO_VPD is uninitialized or empty.\n", 0)]
    [InlineData("[   85.501187] WARNING: foo\n", 1)]
    [InlineData("WARNING: at kernel/x.c:12 f+0x1/0x2()\n", 1)]
    [InlineData("WARNING: CPU: 1 PID: 2 at kernel/x.c:12 f+0x1/0x2\n", 1)]
    [InlineData("WARNING: possible circular locking dependency detected\n", 1)]
    public void Free_text_warnings_count_only_with_printk_time_but_kernel_forms_always(string log, int reports)
    {
        Assert.Equal(reports, RegionCount(log));
    }
}
