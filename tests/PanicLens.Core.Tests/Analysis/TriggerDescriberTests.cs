using PanicLens.Analysis;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Analysis;

public sealed class TriggerDescriberTests
{
    [Fact]
    public void Seed_trigger_is_ss_sending_an_inet_diag_request_that_crashed_copying_an_ipv6_address()
    {
        var trigger = new Diagnoser().Diagnose(TestReports.Seed()).Trigger;

        Assert.Equal(
            "`ss` (pid 29755) sent a sock_diag/inet_diag netlink request (a socket listing, as `ss` makes): "
            + "sys_sendmsg → netlink_sendmsg → inet_diag_rcv_msg → netlink_dump → inet_diag_dump; "
            + "while walking the socket tables for the dump it crashed in ipv6_addr_copy [inet_diag], copying an IPv6 address.",
            trigger);
    }

    [Fact]
    public void I386_ioctl_trigger_names_the_syscall_and_the_drm_path()
    {
        var trigger = new Diagnoser().Diagnose(TestReports.RadeonI386()).Trigger!;

        Assert.StartsWith("`plymouthd` (pid 222) issued a DRM (graphics) ioctl: SyS_ioctl → do_vfs_ioctl → drm_ioctl", trigger);
        Assert.EndsWith("it crashed in radeon_audio_detect [radeon].", trigger);
    }

    [Fact]
    public void Modern_syscall_wrappers_name_the_call()
    {
        var report = TestReports.Empty("BUG: kernel NULL pointer dereference, address: 0000000000000010");
        report.Process = new ProcessInfo("syz-executor", 4242);
        report.Ip = new Frame("foo_ioctl", "1c", "80", null, true);
        report.Stacks.Add(new CallTrace(StackKind.Task, TestReports.Frames(
            "foo_ioctl+0x1c/0x80", "__x64_sys_openat+0x10/0x20", "do_syscall_64+0x3d/0x90", "entry_SYSCALL_64_after_hwframe+0x46/0xb0")));

        var trigger = TriggerDescriber.Describe(report)!;

        Assert.StartsWith("`syz-executor` (pid 4242) made the openat() system call: __x64_sys_openat;", trigger);
    }

    [Fact]
    public void An_interrupt_stack_is_described_as_an_interrupt()
    {
        var report = TestReports.Empty("BUG: unable to handle page fault for address: ffff888000000000");
        report.Process = new ProcessInfo("swapper/3", 0);
        report.Cpu = 3;
        report.Ip = new Frame("tcp_v4_rcv", "10", "a0", null, true);
        report.Stacks.Add(new CallTrace(StackKind.Irq, TestReports.Frames("tcp_v4_rcv+0x10/0xa0", "ip_rcv+0x10/0x90", "net_rx_action+0x10/0x200")));

        var trigger = TriggerDescriber.Describe(report)!;

        Assert.StartsWith("An interrupt on CPU 3 (interrupting `swapper/3`) processed a received IPv4 packet: net_rx_action → ip_rcv", trigger);
    }

    [Fact]
    public void A_report_without_stack_or_ip_has_no_trigger() => Assert.Null(TriggerDescriber.Describe(TestReports.Empty("Oops")));
}
