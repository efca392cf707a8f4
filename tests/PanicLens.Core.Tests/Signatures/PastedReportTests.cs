using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// Issue 10 §2: on text a person pasted (a mail, a ticket), a title names a function whenever a frame or IP of the
/// crash is printed; on a console capture the syzbot convention's `in corrupted` stands.
/// </summary>
public sealed class PastedReportTests
{
    private static CrashReport First(string log) => Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());

    public static TheoryData<string> Indents => new() { "", "  ", "\t", "    " };

    private static string Indent(string text, string indent) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indent + line));

    [Theory]
    [MemberData(nameof(Indents))]
    public void A_pasted_warning_header_without_a_trace_names_its_function(string indent)
    {
        var report = First(Indent("""
            Otherwise the following is visible:

            WARNING: CPU: 0 PID: 97 at drivers/clk/clk.c:1011 clk_core_enable+0x9c/0xbc
            Enabling unprepared mclk
            Hardware name: Cirrus Logic EDB9302 Evaluation Board

            Signed-off-by: A Person <a@example.org>
            """, indent));
        Assert.Equal("WARNING in clk_core_enable", report.Title);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("[...]")]
    [InlineData("<snip>")]
    [InlineData("  [ ... ]")]
    public void A_trimmed_stamped_report_is_read_from_the_frames_left(string trim)
    {
        var report = First($"""
            [ 1550.798373] BUG: kernel NULL pointer dereference, address: 0000000000000008
            {trim}
            [ 1550.798393] Call Trace:
            [ 1550.798397]  snd_sof_ipc_free+0x15/0x30 [snd_sof]
            [ 1550.798399]  snd_sof_device_remove+0x29/0xa0 [snd_sof]
            [ 1550.798400]  sof_pci_remove+0x10/0x30 [snd_sof_pci]
            """);
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in snd_sof_ipc_free", report.Title);
    }

    [Theory]
    [InlineData("[  753.120788] ")]
    [InlineData("[  753.120788][    T1] ")]
    public void A_console_capture_keeps_the_conventions_verdict(string stamp)
    {
        var report = First($"""
            {stamp}WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:316 dev_watchdog+0x648/0x770
            {stamp}NETDEV WATCHDOG: eth0 (e1000): transmit queue 0 timed out
            """);
        Assert.Equal("WARNING in corrupted", report.Title);
        Assert.True(report.Corrupted);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("> [...]")]
    [InlineData("<snip>")]
    public void Trim_marks_are_elisions_and_text_is_not(string line)
    {
        Assert.True(PanicLens.Signatures.ConsoleForm.IsElision(line));
        Assert.False(PanicLens.Signatures.ConsoleForm.IsElision(line + " more"));
    }

    public static TheoryData<string> Tails => new() { "snd_rawmidi_free+0x7a/0x190", "  snd_rawmidi_free+0x7a/0x190 sound/core/rawmidi.c:1902", "\tsnd_rawmidi_free+0x7a/0x190 [snd_rawmidi]" };

    /// <summary>A stamped lockdep line wrapped by a mail client right after `at:` keeps the function it names.</summary>
    [Theory]
    [MemberData(nameof(Tails))]
    public void A_stamped_lock_line_wrapped_before_its_function_is_read_whole(string tail)
    {
        var report = First($$"""
            [   21.000001] ======================================================
            [   21.000002] WARNING: possible circular locking dependency detected
            [   21.000003] 6.0.0-rc4+ #20 Not tainted
            [   21.000004] ------------------------------------------------------
            [   21.000005] kworker/1:7/10868 is trying to acquire lock:
            [   21.000006] ffffffff8e289108 (register_mutex#5){+.+.}-{3:3}, at:
            {{tail}}
            [   21.000007]
            [   21.000008] but task is already holding lock:
            [   21.000009] ffffffff8e274048 (sound_oss_mutex){+.+.}-{3:3}, at: snd_unregister_oss_device+0x97/0x290
            [   21.000010]
            [   21.000011] stack backtrace:
            [   21.000012] Call Trace:
            [   21.000013]  dump_stack_lvl+0x1/0x2
            [   21.000014]  snd_rawmidi_free+0x3/0x4
            [   21.000015]  gizmo_remove+0x5/0x6
            """);
        Assert.Equal("possible deadlock in snd_rawmidi_free", report.Title);
    }

    public static IEnumerable<object[]> WrappedRegisterLines() =>
        from arch in new[]
        {
            ("BUG: kernel NULL pointer dereference, address: 0000000000000008", "RIP:", "0010:gizmo_read+0x29/0x40 [gizmo]"),
            ("BUG: kernel NULL pointer dereference, address: 0000000000000008", "RIP:", "gizmo_read+0x29/0x40 [gizmo]"),
            ("BUG: unable to handle kernel NULL pointer dereference at 00000008", "EIP:", "gizmo_read+0x29/0x40 [gizmo]"),
            ("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008", "pc :", "gizmo_read+0x29/0x40 [gizmo]"),
            ("Unable to handle kernel NULL pointer dereference at virtual address 00000008", "PC is at", "gizmo_read+0x29/0x40 [gizmo]"),
        }
        from stamp in new[] { "[  100.123456] ", "[  100.123456][  T42] ", "Nov 23 14:23:31 host kernel: ", "Nov 23 14:23:31 host kernel: [  100.123456] ", "> [  100.123456] " }
        select new object[] { arch.Item1, arch.Item2, arch.Item3, stamp };

    /// <summary>
    /// A mail client wrapped a stamped register line right after its label (`RIP:`, `EIP:`, `pc :`, `PC is at`): the
    /// function on the unstamped tail is still the faulting one, not the call trace's first frame.
    /// </summary>
    [Theory]
    [MemberData(nameof(WrappedRegisterLines))]
    public void A_register_line_wrapped_after_its_label_is_read_whole(string header, string label, string tail, string stamp)
    {
        var quote = stamp.StartsWith('>') ? "> " : "";
        var report = First($"""
            {stamp}{header}
            {stamp}CPU: 0 PID: 42 Comm: gizmod Not tainted 6.0.8 #1
            {stamp}{label}
            {quote}{tail}
            {stamp}Call Trace:
            {stamp} gizmo_ioctl+0x3/0x4 [gizmo]
            {stamp} __x64_sys_ioctl+0x5/0x6
            {stamp} do_syscall_64+0x7/0x8
            """);
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in gizmo_read", report.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[  100.123456] ")]
    public void A_header_repeated_for_an_inlined_function_is_one_report(string stamp)
    {
        var report = First($"""
            {stamp}WARNING: CPU: 0 PID: 6889 at lib/debugobjects.c:488 debug_print_object lib/debugobjects.c:485 [inline]
            {stamp}WARNING: CPU: 0 PID: 6889 at lib/debugobjects.c:488 debug_object_assert_init+0x1fa/0x250 lib/debugobjects.c:870
            {stamp}CPU: 0 PID: 6889 Comm: syz-executor259 Not tainted 5.8.0-rc7-syzkaller #0
            {stamp}RIP: 0010:debug_print_object lib/debugobjects.c:485 [inline]
            {stamp}RIP: 0010:debug_object_assert_init+0x1fa/0x250 lib/debugobjects.c:870
            {stamp}Call Trace:
            {stamp} debug_timer_assert_init kernel/time/timer.c:737 [inline]
            {stamp} del_timer+0x2f/0x340 kernel/time/timer.c:1208
            {stamp} try_to_grab_pending+0xba/0x9f0 kernel/workqueue.c:1249
            {stamp} cancel_delayed_work+0x37/0x2b0 kernel/workqueue.c:3250
            {stamp} l2cap_chan_del+0x5bf/0x760 net/bluetooth/l2cap_core.c:661
            """);
        // syzkaller titles the console text, where the header names debug_object_assert_init (debug_print_object was
        // inlined), so its ODEBUG pattern (`lib/debugobjects.c.* (debug_print|debug_check|at)`) does not match: syzbot
        // mailed this very trace as "WARNING in cancel_delayed_work" (linux-bluetooth).
        Assert.Equal("WARNING in cancel_delayed_work", report.Title);
    }
    [Theory]
    [MemberData(nameof(Indents))]
    public void A_pasted_header_in_a_skipped_helper_with_no_trace_names_that_helper(string indent)
    {
        // Only the header survived the poster's trim, and its function is one the KASAN skip table passes over:
        // the reader sees that function, so the title names it rather than `in corrupted`.
        var report = First(Indent("""
            I hit this while unplugging the pad:

            ==================================================================
            BUG: KASAN: use-after-free in do_raw_spin_lock+0x24d/0x280
            Read of size 4 at addr ffff8881d0e584dc by task kworker/1:4/2786

            It should be due to the URB being freed at disconnect.
            """, indent));
        Assert.Equal("KASAN: use-after-free Read in do_raw_spin_lock", report.Title);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("> > ")]
    [InlineData("    ")]
    [InlineData("\t")]
    public void A_pasted_warning_header_wrapped_twice_is_read_whole(string quote)
    {
        // A mail client wrapped `WARNING: ... at FILE:LINE FUNC+0x..` after `at` and after the source, and the poster
        // kept no trace: the header joined again names the function.
        var report = First($"""
            {quote}------------[ cut here ]------------
            {quote}WARNING: CPU: 0 PID: 20 at
            {quote}/data/fast/l/k/drivers/net/wireless/ti/wlcore/sdio.c:86
            {quote}wl12xx_sdio_raw_read+0xa8/0x128
            {quote}Modules linked in:
            {quote}CPU: 0 PID: 20 Comm: kworker/0:1 Tainted: G        W 5.3.0-rc4 #85
            {quote}Hardware name: Generic OMAP4 (Flattened Device Tree)
            """);
        Assert.Equal("WARNING in wl12xx_sdio_raw_read", report.Title);
        Assert.Equal("wl12xx_sdio_raw_read", report.Function);
    }

    [Theory]
    [InlineData("")]
    [InlineData("> ")]
    [InlineData("    ")]
    public void A_stamped_warning_header_wrapped_twice_without_a_trace_stays_corrupted(string quote)
    {
        // Console stamps make it a capture, where the convention wants the trace (issue 10 keeps the syzkaller corpus
        // so); the function is still read, and quoting does not change the verdict (the metamorphic rule).
        var report = First($"""
            {quote}[   14.756622] ------------[ cut here ]------------
            {quote}[   14.761352] WARNING: CPU: 0 PID: 20 at
            {quote}/data/fast/l/k/drivers/net/wireless/ti/wlcore/sdio.c:86
            {quote}wl12xx_sdio_raw_read+0xa8/0x128
            {quote}[   14.772888] Modules linked in:
            {quote}[   14.776062] CPU: 0 PID: 20 Comm: kworker/0:1 Tainted: G        W 5.3.0-rc4 #85
            """);
        Assert.Equal("WARNING in corrupted", report.Title);
        Assert.Equal("wl12xx_sdio_raw_read", report.Function);
    }
    [Theory]
    [MemberData(nameof(Indents))]
    public void A_trimmed_6_17_warning_names_its_header_function(string indent)
    {
        // __warn since 6.17 prints `WARNING: FILE:LINE at FUNC, CPU#N: comm/pid`; a poster kept the line without its
        // CPU and task, or a mail client wrapped it after `at`.
        foreach (var header in new[]
        {
            "WARNING: drivers/net/wireless/ath/ath12k/mac.c:791 at ath12k_mac_get_arvif+0x9e/0xd0 [ath12k]",
            "WARNING: drivers/net/wireless/ath/ath12k/mac.c:791 at\n  ath12k_mac_get_arvif+0x9e/0xd0 [ath12k]",
        })
        {
            var report = First(Indent(header + """

                Tainted: G W O 6.19.13-rt #1 PREEMPT_RT
                Call Trace:
                 ath12k_wmi_tlv_rssi_chain_parse+0x69/0x170 [ath12k]
                 ath12k_wmi_tlv_iter+0x1/0x2 [ath12k]
                """, indent));
            Assert.Equal("ath12k_mac_get_arvif", report.Function);
            Assert.Equal("ath12k", report.Module);
            Assert.StartsWith("WARNING in ", report.Title, StringComparison.Ordinal);
        }
    }
}
