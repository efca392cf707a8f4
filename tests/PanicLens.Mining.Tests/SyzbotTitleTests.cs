using PanicLens.Mining.Mining;
using PanicLens.Mining.Titles;

namespace PanicLens.Mining.Tests;

public sealed class SyzbotTitleTests
{
    [Theory]
    [InlineData("KASAN: use-after-free Read in usbhid_open", "KASAN: use-after-free Read in usbhid_open")]
    [InlineData("[syzbot] [usb?] [input?] INFO: rcu detected stall in __mod_timer (5)", "INFO: rcu detected stall in __mod_timer")]
    [InlineData("[alsa-devel] KASAN: use-after-free Read in \tcheck_matching_master_slave", "KASAN: use-after-free Read in check_matching_master_slave")]
    [InlineData("[syzbot] usb-testing boot error: KASAN: slab-out-of-bounds Write in vhci_setup", "KASAN: slab-out-of-bounds Write in vhci_setup")]
    [InlineData("[syzbot] linux-next test error: WARNING in foo", "WARNING in foo")]
    [InlineData("memory leak in __build_skb (3)", "memory leak in __build_skb")]
    public void A_report_subject_gives_the_crash_title(string subject, string title) =>
        Assert.Equal(title, SyzbotSubject.Title(subject));

    [Theory]
    [InlineData("Re: [syzbot] WARNING in foo")]
    [InlineData("[syzbot ci] Re: net/tls: support setting the maximum payload size")]
    [InlineData("[syzbot] Monthly usb report (Jan 2024)")]
    [InlineData("=?UTF-8?B?S0FTQU4=?=")]
    [InlineData("[syzbot]")]
    public void Replies_digests_and_encoded_subjects_are_not_report_titles(string subject) =>
        Assert.Null(SyzbotSubject.Title(subject));

    [Theory]
    [InlineData("syzbot <syzbot+131dee8780c719bc6afb@syzkaller.appspotmail.com>", true)]
    [InlineData("\"syzbot\" <syzbot+1@SYZKALLER.appspotmail.com>", true)]
    [InlineData("A Person <syzbot@example.org>", false)]
    public void Only_syzbots_own_address_is_syzbot(string from, bool syzbot) =>
        Assert.Equal(syzbot, SyzbotSubject.IsFromSyzbot(from));

    [Fact]
    public void The_checker_compares_the_first_report_with_the_subject_and_counts_by_list_and_year()
    {
        var root = Directory.CreateTempSubdirectory("syz-titles").FullName;
        try
        {
            var list = Directory.CreateDirectory(Path.Combine(root, "linux-usb")).FullName;
            const string warning = """
                WARNING: CPU: 1 PID: 9 at drivers/usb/misc/gizmo.c:12 gizmo_open+0x30/0x40 drivers/usb/misc/gizmo.c:12
                CPU: 1 PID: 9 Comm: kworker/1:1 Not tainted 6.5.0-syzkaller #0
                Call Trace:
                 gizmo_open+0x30/0x40 drivers/usb/misc/gizmo.c:12
                 input_open_device+0x1/0x2 drivers/input/input.c:600
                """;
            File.WriteAllText(Path.Combine(list, "a.txt"), warning);
            File.WriteAllText(Path.Combine(list, "b.txt"), warning);
            File.WriteAllText(Path.Combine(list, MinedStore.IndexName),
                "a.txt\tc1\th1\tWed, 15 May 2024 14:37:05 -0700\t<m1>\t[syzbot] [usb?] WARNING in gizmo_open\n"
                + "b.txt\tc2\th2\tThu, 16 May 2019 14:37:05 -0700\t<m2>\tWARNING in something_else (2)\n"
                + "c.txt\tc3\th3\tThu, 16 May 2019 14:37:05 -0700\t<m3>\tRe: WARNING in gizmo_open\n");
            var checker = new TitleChecker();
            checker.CheckFolder(root);
            Assert.Equal(2, checker.Total.Mails);
            Assert.Equal(1, checker.Total.FirstEqual);
            Assert.Equal(1, checker.ByYear["2024"].FirstEqual);
            Assert.Equal(0, checker.ByYear["2019"].FirstEqual);
            var miss = Assert.Single(checker.Misses);
            Assert.Equal("WARNING in something_else", miss.Expected);
            Assert.Equal("WARNING in gizmo_open", miss.Got);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
