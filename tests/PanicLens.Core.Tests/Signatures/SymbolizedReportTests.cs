using PanicLens.Model;
using PanicLens.Detection;
using PanicLens.Signatures;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// syzkaller titles a report from the console text and symbolises it afterwards (pkg/report/linux.go: Parse, then
/// symbolize): the `name file.c:12 [inline]` lines it adds, the header's own repeats included, never count toward the
/// title, and a mail's wrapping of an appended source location is joined back. Each case runs under several line
/// envelopes (bare as mailed, console stamps, mail quoting, indentation) so the rule is not tied to one layout.
/// </summary>
public sealed class SymbolizedReportTests
{
    public static TheoryData<string> Envelopes => new() { "", "[  812.345678] ", "> ", "  ", "[   12.000001][ T1730] " };

    private static CrashReport First(string log, string envelope) =>
        Assert.IsType<CrashReport>(CorpusPipeline.Reports(
            string.Join("\n", log.Split('\n').Select(line => envelope + line))).FirstOrDefault());

    private const string Kasan = """
        BUG: KASAN: slab-out-of-bounds in memcpy include/linux/string.h:381 [inline]
        BUG: KASAN: slab-out-of-bounds in skb_put_data include/linux/skbuff.h:2284 [inline]
        BUG: KASAN: slab-out-of-bounds in hfa384x_usbin_rx drivers/staging/wlan-ng/hfa384x_usb.c:3312 [inline]
        BUG: KASAN: slab-out-of-bounds in hfa384x_usbin_callback+0x1993/0x2360 drivers/staging/wlan-ng/hfa384x_usb.c:3026
        Read of size 19671 at addr ffff8881d226413c by task swapper/0/0

        CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.6.0-rc5-syzkaller #0
        Call Trace:
         __dump_stack lib/dump_stack.c:77 [inline]
         dump_stack+0xef/0x16e lib/dump_stack.c:118
         kasan_report+0xe/0x20 mm/kasan/common.c:641
         memcpy+0x20/0x50 mm/kasan/common.c:125
         memcpy include/linux/string.h:381 [inline]
         skb_put_data include/linux/skbuff.h:2284 [inline]
         hfa384x_usbin_rx drivers/staging/wlan-ng/hfa384x_usb.c:3312 [inline]
         hfa384x_usbin_callback+0x1993/0x2360 drivers/staging/wlan-ng/hfa384x_usb.c:3026
         __usb_hcd_giveback_urb+0x29a/0x550 drivers/usb/core/hcd.c:1650
        """;

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_header_expanded_per_inlined_function_is_titled_from_the_printed_one(string envelope)
    {
        var report = First(Kasan, envelope);
        Assert.Equal("KASAN: slab-out-of-bounds Read in hfa384x_usbin_callback", report.Title);
    }

    /// <summary>syzbot's mails of 2021 doubled each location: the caller's appended once more, after the mark too.</summary>
    [Theory]
    [MemberData(nameof(Envelopes))]
    public void An_expansion_with_its_caller_s_location_doubled_is_still_one(string envelope)
    {
        foreach (var (header, want) in new[]
        {
            ("BUG: KMSAN: uninit-value in", "KMSAN: uninit-value in asix_mdio_read"),
            ("BUG: KASAN: slab-out-of-bounds in", "KASAN: slab-out-of-bounds Read in asix_mdio_read"),
        })
        {
            var report = First($"""
                {header} asix_check_host_enable drivers/net/usb/asix_common.c:82 [inline]
                {header} asix_check_host_enable drivers/net/usb/asix_common.c:82 [inline] drivers/net/usb/asix_common.c:497
                {header} asix_mdio_read+0x3c1/0xb00 drivers/net/usb/asix_common.c:497 drivers/net/usb/asix_common.c:497
                Read of size 2 at addr ffff8881d226413c by task kworker/0:1/9
                 asix_check_host_enable drivers/net/usb/asix_common.c:82 [inline]
                 asix_check_host_enable drivers/net/usb/asix_common.c:82 [inline] drivers/net/usb/asix_common.c:497
                 asix_mdio_read+0x3c1/0xb00 drivers/net/usb/asix_common.c:497 drivers/net/usb/asix_common.c:497
                 asix_mdio_bus_read+0xba/0xe0 drivers/net/usb/asix_common.c:556 drivers/net/usb/asix_common.c:556
                 __mdiobus_read+0xbf/0x4f0 drivers/net/phy/mdio_bus.c:755 drivers/net/phy/mdio_bus.c:755

                Uninit was created at:
                 kmalloc include/linux/slab.h:586 [inline]
                 ax88772_bind+0x1/0x2 drivers/net/usb/asix_devices.c:786
                """, envelope);
            Assert.Equal(want, report.Title);
        }
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_wrapped_source_location_is_joined_to_its_frame(string envelope)
    {
        var report = First("""
            BUG: KASAN: use-after-free in atomic_read
            include/asm-generic/atomic-instrumented.h:26 [inline]
            BUG: KASAN: use-after-free in refcount_inc_not_zero_checked+0x72/0x1e0
            lib/refcount.c:123
            Read of size 4 at addr ffff8881cf679820 by task kworker/1:1/1730

            CPU: 1 PID: 1730 Comm: kworker/1:1 Not tainted 5.4.0-rc5+ #0
            Call Trace:
              __dump_stack lib/dump_stack.c:77 [inline]
              dump_stack+0xca/0x13e lib/dump_stack.c:113
              kasan_report+0xe/0x12 mm/kasan/common.c:634
              atomic_read include/asm-generic/atomic-instrumented.h:26 [inline]
              refcount_inc_not_zero_checked+0x72/0x1e0 lib/refcount.c:123
              refcount_inc_checked+0x12/0x60 lib/refcount.c:156
              kref_get include/linux/kref.h:45 [inline]
              chaoskey_disconnect+0x1b4/0x2d0 drivers/usb/misc/chaoskey.c:176
              usb_unbind_interface+0x1bd/0x8a0 drivers/usb/core/driver.c:423
            """, envelope);
        Assert.Equal("KASAN: use-after-free Read in chaoskey_disconnect", report.Title);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_header_wrapped_right_before_its_inline_mark_is_still_an_expansion(string envelope)
    {
        // A mail client breaking at 72-80 columns may leave `[inline]` alone on the next line (trailing blanks kept).
        var report = First("""
            BUG: KMSAN: uninit-value in dev_get_drvdata include/linux/device.h:1388  
            [inline]
            BUG: KMSAN: uninit-value in hid_get_drvdata include/linux/hid.h:628 [inline]
            BUG: KMSAN: uninit-value in lg4ff_set_autocenter_default+0x23a/0xa20
            drivers/hid/hid-lg4ff.c:477
            CPU: 1 PID: 49 Comm: kworker/1:1 Not tainted 5.4.0-rc3+ #0
            Call Trace:
             __dump_stack lib/dump_stack.c:77 [inline]
             dump_stack+0x191/0x1f0 lib/dump_stack.c:113
             kmsan_report+0x128/0x220 mm/kmsan/kmsan_report.c:108
             __msan_warning+0x57/0xa0 mm/kmsan/kmsan_instr.c:245
             dev_get_drvdata include/linux/device.h:1388 [inline]
             hid_get_drvdata include/linux/hid.h:628 [inline]
             lg4ff_set_autocenter_default+0x23a/0xa20 drivers/hid/hid-lg4ff.c:477
             lg4ff_init+0x2a4b/0x3010 drivers/hid/hid-lg4ff.c:1420
            """, envelope);
        Assert.Equal("KMSAN: uninit-value in lg4ff_set_autocenter_default", report.Title);
        var kasan = "BUG: KASAN: use-after-free in list_empty include/linux/list.h:282  \n[inline]\n"
            + "BUG: KASAN: use-after-free in f+0x1/0x2 mm/a.c:3\nRead of size 8 at addr ffff888000000000 by task a/1";
        var single = Assert.Single(CorpusPipeline.Reports(string.Join("\n", kasan.Split('\n').Select(l => envelope + l))));
        Assert.Equal("KASAN: use-after-free Read in f", single.Title);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Inlined_frames_in_the_trace_do_not_take_the_title(string envelope)
    {
        var report = First("""
            ------------[ cut here ]------------
            WARNING: CPU: 1 PID: 9 at kernel/workqueue.c:1438 __queue_work+0x9b2/0xba0 kernel/workqueue.c:1438
            Modules linked in:
            CPU: 1 PID: 9 Comm: kworker/u5:0 Not tainted 6.5.0-syzkaller #0
            RIP: 0010:__queue_work+0x9b2/0xba0 kernel/workqueue.c:1438
            Call Trace:
             <TASK>
             queue_delayed_work_on+0x102/0x180 kernel/workqueue.c:1732
             queue_delayed_work include/linux/workqueue.h:569 [inline]
             hci_conn_drop include/net/bluetooth/hci_core.h:1421 [inline]
             hci_conn_drop+0x1e4/0x250 net/bluetooth/hci_conn.c:140
             hci_sync_conn_complete_evt+0x5a8/0x9d0 net/bluetooth/hci_event.c:5010
            """, envelope);
        Assert.Equal("WARNING in hci_conn_drop", report.Title);
    }

    [Theory]
    [InlineData("name mm/file.c:12 [inline]", true)]
    [InlineData("BUG: KASAN: use-after-free in list_empty include/linux/list.h:282 [inline]", true)]
    [InlineData("RIP: 0010:debug_print_object lib/debugobjects.c:485 [inline]", true)]
    [InlineData("dump_stack+0xca/0x13e lib/dump_stack.c:113 [inline]", false)] // an offset: printed by the kernel
    [InlineData("WARNING: ./include/net/mac80211.h:8114 at ieee80211_chan_width_to_rx_bw include/net/mac80211.h:8114 [inline], CPU#1: syz.4.4769/22510", true)]
    [InlineData("WARNING: ./include/net/mac80211.h:8114 at ieee80211_sta_current_bw+0x36d/0x510 net/mac80211/sta_info.c:3745, CPU#1: syz.4/22510", false)]
    [InlineData("name mm/file.c:12 [inline] and more words", false)]
    [InlineData("name [inline]", false)]                                     // no source location
    [InlineData("refcount_inc+0x1/0x2 lib/refcount.c:12", false)]
    public void An_inline_expansion_is_a_located_frame_without_offset(string line, bool expansion) =>
        Assert.Equal(expansion, SymbolizedLines.IsInlineExpansion(line));

    [Theory]
    [InlineData("lib/refcount.c:123", true)]
    [InlineData("  include/asm-generic/atomic-instrumented.h:26 [inline]", true)]
    [InlineData("arch/x86/entry/entry_64.S:352", true)]
    [InlineData("[inline]", true)]                                          // the wrap fell on the blank before the mark
    [InlineData("   [inline]  ", true)]
    [InlineData("[inline] here", false)]
    [InlineData("see lib/refcount.c:123", false)]
    [InlineData("refcount.c", false)]
    [InlineData("Read of size 4", false)]
    public void A_wrapped_source_is_a_location_alone_on_its_line(string line, bool wrapped) =>
        Assert.Equal(wrapped, SymbolizedLines.IsWrappedSource(line));
    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_6_17_warning_expanded_per_inlined_function_is_titled_from_the_printed_one(string envelope)
    {
        var report = First("""
            WARNING: ./include/net/mac80211.h:8114 at ieee80211_chan_width_to_rx_bw include/net/mac80211.h:8114 [inline], CPU#1: syz.4.4769/22510
            WARNING: ./include/net/mac80211.h:8114 at ieee80211_sta_current_bw_tx_to_sta net/mac80211/sta_info.c:3719 [inline], CPU#1: syz.4.4769/22510
            WARNING: ./include/net/mac80211.h:8114 at ieee80211_sta_current_bw+0x36d/0x510 net/mac80211/sta_info.c:3745, CPU#1: syz.4.4769/22510
            Modules linked in:
            CPU: 1 UID: 0 PID: 22510 Comm: syz.4.4769 Not tainted syzkaller #0 PREEMPT(full)
            RIP: 0010:ieee80211_chan_width_to_rx_bw include/net/mac80211.h:8114 [inline]
            RIP: 0010:ieee80211_sta_current_bw_tx_to_sta net/mac80211/sta_info.c:3719 [inline]
            RIP: 0010:ieee80211_sta_current_bw+0x36d/0x510 net/mac80211/sta_info.c:3745
            Call Trace:
             <TASK>
             rate_control_rate_init+0x1/0x2 net/mac80211/rate.c:50
             sta_apply_parameters+0x3/0x4 net/mac80211/cfg.c:2000
            """, envelope);
        Assert.Equal("WARNING in ieee80211_sta_current_bw", report.Title);
    }
}
