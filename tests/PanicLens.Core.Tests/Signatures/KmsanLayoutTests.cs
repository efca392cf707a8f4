using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// KMSAN printed its reports in two layouts. The upstream one (5.19 on) lists the frames right under the header and
/// the origin after `Uninit was created at:`; the out-of-tree one syzbot ran before printed `CPU:`, `Call Trace:` and
/// the frames, and the origin after `Variable was created at:`. The convention's table of each era (syzkaller
/// pkg/report/linux.go, before and after 0a2584dd6) titles each from its use stack; a report of either layout,
/// in any envelope, must name the function that used the value and not `corrupted`.
/// </summary>
public sealed class KmsanLayoutTests
{
    public static TheoryData<string> Envelopes => new() { "", "[  812.345678] ", "> ", "  ", "[   12.000001][ T1730] ", "<3>[ 5.1] " };

    private static CrashReport First(string log, string envelope) =>
        Assert.IsType<CrashReport>(CorpusPipeline.Reports(
            string.Join("\n", log.Split('\n').Select(line => envelope + line))).FirstOrDefault());

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void The_out_of_tree_layout_is_titled_from_the_call_trace(string envelope)
    {
        var report = First("""
            ==================================================================
            BUG: KMSAN: uninit-value in smsc95xx_read_eeprom+0x2c4/0x3d0
            CPU: 1 PID: 83 Comm: kworker/1:2 Not tainted 5.3.0-rc7+ #0
            Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011
            Workqueue: usb_hub_wq hub_event
            Call Trace:
             dump_stack+0x191/0x1f0
             kmsan_report+0x162/0x2d0
             __msan_warning+0x75/0xe0
             smsc95xx_eeprom_confirm_not_busy+0x2a1/0x300
             smsc95xx_read_eeprom+0x2c4/0x3d0
             smsc95xx_bind+0x5d6/0x1d80
             usbnet_probe+0x10ae/0x3960
            Local variable description: ----buf.i@smsc95xx_read_eeprom
            Variable was created at:
             __smsc95xx_read_reg+0xa2/0x290
             smsc95xx_read_eeprom+0x4c/0x3d0
            ==================================================================
            """, envelope);
        Assert.Equal("KMSAN: uninit-value in smsc95xx_eeprom_confirm_not_busy", report.Title);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void The_upstream_layout_is_titled_from_the_frames_under_the_header(string envelope)
    {
        var report = First("""
            =====================================================
            BUG: KMSAN: uninit-value in hci_event_packet+0x1f2/0x2c0
             hci_event_packet+0x1f2/0x2c0
             hci_rx_work+0x6a8/0xcb0
             process_one_work+0x8a1/0x13a0
             worker_thread+0xf77/0x1c30
             kthread+0x3b4/0x4c0
             ret_from_fork+0x1f/0x30

            Uninit was created at:
             slab_post_alloc_hook+0x12f/0xb70
             __kmalloc_node_track_caller+0x1a0/0x350
             kmalloc_reserve+0x10f/0x450
             __alloc_skb+0x3f2/0x8d0
             vhci_write+0x112/0x8f0
             vfs_write+0xb4d/0x1560

            CPU: 0 PID: 3608 Comm: kworker/u5:0 Not tainted 6.1.0-syzkaller #0
            =====================================================
            """, envelope);
        Assert.Equal("KMSAN: uninit-value in hci_event_packet", report.Title);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void An_upstream_report_cut_before_its_origin_keeps_its_use_frame(string envelope)
    {
        // The origin section is lost (a mail cut, or the nested splat in syzkaller's own test 632): the use stack
        // still names the function, and the `Call Trace:` of whatever follows does not replace it.
        var report = First("""
            BUG: KMSAN: uninit-value in __perf_event_task_sched_in+0x2b6/0xca0
             __perf_event_task_sched_in+0x2b6/0xca0
             finish_task_switch+0x72c/0xad0
             __schedule+0x182c/0x20a0
            ------------[ cut here ]------------
            WARNING: CPU: 1 PID: 0 at lib/stackdepot.c:293 stack_depot_fetch+0x2f/0x60
            RIP: 0010:stack_depot_fetch+0x2f/0x60
            Call Trace:
             kmsan_print_origin+0x41/0x2e0
             kmsan_report+0x1dd/0x2f0
             schedule_idle+0x5b/0x90
            """, envelope);
        Assert.Equal("KMSAN: uninit-value in __perf_event_task_sched_in", report.Title);
    }
}
