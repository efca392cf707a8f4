using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// Per-format rules of the convention on small invented reports (not corpus copies), each read under several console
/// prefixes: the skip rows a format adds, the stall anchors, KMSAN's two stacks, fixed titles with a varying device.
/// </summary>
public sealed class FormatRuleTests
{
    /// <summary>Bare console, printk time, printk time with caller id, syslog around printk time.</summary>
    public static IEnumerable<object[]> Prefixes() =>
        new[] { "", "[  100.123456] ", "[  100.123456][ T1234] ", "Jan 14 01:04:26 host kernel: [  100.123456] " }.Select(p => new object[] { p });

    private static CrashReport First(string prefix, string report)
    {
        var log = "random boot noise\n" + string.Concat(report.Split('\n').Select(line => prefix + line + "\n"));
        return Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());
    }

    private static void AssertTitle(CrashReport report, string title, string type)
    {
        Assert.Equal(title, report.Title);
        Assert.Equal(type, report.Type);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Kmsan_names_the_first_stack_past_crypto_and_netlink_helpers(string prefix)
    {
        var report = First(prefix, """
            BUG: KMSAN: uninit-value in crypto_widget_encrypt+0x10/0x20
             crypto_widget_encrypt+0x10/0x20
             cipher_widget_step+0x1/0x2
             widget_send_frame+0x30/0x40
             netlink_rcv_skb+0x1/0x2
            Uninit was created at:
             kmem_cache_alloc_node+0x1/0x2
             widget_alloc_frame+0x5/0x6
            CPU: 0 PID: 7 Comm: widgetd Not tainted 6.1.0 #1
            """);
        AssertTitle(report, "KMSAN: uninit-value in widget_send_frame", "KMSAN-UNINIT-VALUE");
        Assert.Contains("bad-access in widget_send_frame", report.AltTitles);
        Assert.DoesNotContain(report.AltTitles, alt => alt.StartsWith("KMSAN origin", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_usb_infoleak_also_names_the_origin_stack(string prefix)
    {
        var report = First(prefix, """
            BUG: KMSAN: kernel-usb-infoleak in usb_submit_urb+0x10/0x20
             usb_submit_urb+0x10/0x20
             usb_start_wait_urb+0x1/0x2
             usb_control_msg+0x1/0x2
             gizmo_probe+0x30/0x40
            Uninit was created at:
             __alloc_skb+0x1/0x2
             gizmo_alloc_buffer+0x5/0x6
            """);
        AssertTitle(report, "KMSAN: kernel-usb-infoleak in gizmo_probe", "KMSAN-INFO-LEAK");
        Assert.Contains("KMSAN origin in gizmo_alloc_buffer", report.AltTitles);
    }

    private const string SoftLockupHead = """
        watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [gizmo:1234]
        Modules linked in:
        CPU: 0 PID: 1234 Comm: gizmo Not tainted 5.10.0 #1
        RIP: 0010:gizmo_spin_body+0x10/0x20
        Code: 00 00 00 00 00 00 00 00 00 00 00 00 00
        Call Trace:
         gizmo_inner_loop+0x1/0x2
        """;

    /// <summary>
    /// The outer frames of a stalled loop: a syscall that names its protocol (the anchor is read without prefixes, so
    /// `__sys_connect` is `connect` and the frame inside it is the title), and a pre-4.6 fast path calling `SyS_*` directly.
    /// </summary>
    public static IEnumerable<object[]> StallTails() =>
        Prefixes().SelectMany(p => new[]
        {
            new[] { p[0], " gizmo_proto_connect+0x3/0x4\n __sys_connect+0x5/0x6\n __x64_sys_connect+0x7/0x8\n do_syscall_64+0x9/0xa", "gizmo_proto_connect" },
            new[] { p[0], " SyS_gizmo_ctl+0x5/0x6\n entry_SYSCALL_64_fastpath+0x16/0x7a", "gizmo_ctl" },
        });

    [Theory]
    [MemberData(nameof(StallTails))]
    public void A_stall_is_named_inside_the_first_dispatch_anchor(string prefix, string tail, string frame)
    {
        var report = First(prefix, SoftLockupHead + "\n" + tail);
        AssertTitle(report, "BUG: soft lockup in " + frame, "HANG");
        Assert.Contains("stall in " + frame, report.AltTitles);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_stall_with_no_anchor_is_corrupted_on_a_console_and_named_after_its_rip_when_pasted(string prefix)
    {
        var report = First(prefix, SoftLockupHead + """

             gizmo_outer_loop+0x5/0x6
            """);
        // Unstamped text reads as pasted (ConsoleForm): the parser's RIP names it, as a person would.
        var pasted = prefix.Length == 0;
        Assert.Equal(pasted ? "BUG: soft lockup in gizmo_spin_body" : "BUG: soft lockup in corrupted", report.Title);
        Assert.Equal(!pasted, report.Corrupted);
    }

    private const string ReleaseStack = """
        Call Trace:
         <TASK>
         debug_check_no_obj_freed+0x2f0/0x400
         slab_free_freelist_hook+0x1/0x2
         kfree+0x1/0x2
         hrtimer_cleanup_gizmo+0x1/0x2
         gizmo_release+0x10/0x20
         __fput+0x1/0x2
        """;

    /// <summary>
    /// One stack under two WARNINGs: the ODEBUG format also skips the users of debugobjects (timers, slab, kfree), a
    /// WARNING elsewhere names the first frame past the global rows.
    /// </summary>
    public static IEnumerable<object[]> ReleaseWarnings() =>
        Prefixes().SelectMany(p => new[]
        {
            new[] { p[0], "lib/debugobjects.c:505 debug_print_object", "debug_print_object", "WARNING: ODEBUG bug in gizmo_release" },
            new[] { p[0], "drivers/gizmo/core.c:77 gizmo_check", "debug_object_free", "WARNING in debug_check_no_obj_freed" },
        });

    [Theory]
    [MemberData(nameof(ReleaseWarnings))]
    public void An_odebug_warning_skips_the_users_of_debugobjects_and_another_warning_does_not(string prefix, string site, string rip, string title)
    {
        var report = First(prefix, $"""
            WARNING: CPU: 1 PID: 99 at {site}+0x16e/0x250
            Modules linked in:
            CPU: 1 PID: 99 Comm: gizmo Not tainted 6.1.0 #1
            RIP: 0010:{rip}+0x16e/0x250
            """ + "\n" + ReleaseStack);
        AssertTitle(report, title, "WARNING");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_double_free_named_in_kfree_is_titled_after_the_caller(string prefix)
    {
        var report = First(prefix, """
            BUG: KASAN: double-free in kfree+0x10/0x20
            Free of addr ffff888012345678 by task gizmo/1
            CPU: 0 PID: 1 Comm: gizmo Not tainted 6.1.0 #1
            Call Trace:
             <TASK>
             dump_stack_lvl+0x1/0x2
             print_report+0x1/0x2
             kasan_report_invalid_free+0x1/0x2
             kfree+0x10/0x20
             gizmo_release+0x10/0x20
            """);
        AssertTitle(report, "KASAN: invalid-free in gizmo_release", "KASAN-INVALID-FREE");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_bad_page_is_named_after_the_allocation_that_owned_it(string prefix)
    {
        var report = First(prefix, """
            BUG: Bad page state in process gizmo  pfn:12345
            page dumped because: nonzero mapcount
            page last allocated via order 0, migratetype Movable, gfp_mask 0x100cca(GFP_HIGHUSER_MOVABLE), pid 1
             post_alloc_hook+0x1/0x2
             get_page_from_freelist+0x1/0x2
             __alloc_pages+0x1/0x2
             gizmo_grab_page+0x1/0x2
             gizmo_write_begin+0x1/0x2
            CPU: 0 PID: 5 Comm: gizmo Not tainted 6.6.0 #1
            Call Trace:
             <TASK>
             dump_stack_lvl+0x1/0x2
             bad_page+0x1/0x2
            """);
        AssertTitle(report, "BUG: Bad page state in gizmo_grab_page", "");
    }

    [Theory]
    [InlineData("lo")]
    [InlineData("syz_tun")]
    [InlineData("gizmo0")]
    public void Any_device_waiting_to_be_freed_is_one_bucket(string device)
    {
        var report = First("", $"unregister_netdevice: waiting for {device} to become free. Usage count = 2");
        AssertTitle(report, "unregister_netdevice: waiting for DEV to become free", "DoS");
    }

    [Theory]
    [InlineData("panic: Sentry detected 3 stuck task(s):", "panic: Sentry detected stuck tasks")]
    [InlineData("panic: Sentry detected 1 stuck task(s):", "panic: Sentry detected stuck tasks")]
    [InlineData("panic: runtime error: index out of range", "panic: runtime error: index out of range")]
    public void A_gvisor_watchdog_panic_is_one_bucket_and_other_go_panics_keep_their_text(string line, string title)
    {
        var report = First("", line + "\n\tgoroutine 1 [running]:");
        AssertTitle(report, title, "DoS");
    }

    [Theory]
    [InlineData("[  100.123456] ", "ppc_spin_body")]
    [InlineData("", "gizmo_ioctl_unreliable")]
    public void A_powerpc_frame_marked_unreliable_is_dropped_where_lines_are_timed(string prefix, string frame)
    {
        var report = First(prefix, """
            WARNING: CPU: 0 PID: 1 at drivers/gizmo/core.c:77 gizmo_check+0x16e/0x250
            NIP [c000000000123456] .__warn_gizmo+0x10/0x20
            Call Trace:
            [c0000000fffc7c40] [c000000000123456] gizmo_ioctl_unreliable+0x1/0x2 (unreliable)
            [c0000000fffc7c50] [c000000000123457] ppc_spin_body+0x3/0x4
            [c0000000fffc7c60] [c000000000123458] gizmo_entry+0x5/0x6
            """);
        AssertTitle(report, "WARNING in " + frame, "WARNING");
    }

    [Theory]
    [InlineData("drivers/gizmo/core.c:77 gizmo_check")]
    [InlineData("drivers/gizmo/parse.y:77 gizmo_check")]
    [InlineData("arch/x86/entry/entry_64.S:77 gizmo_check")]
    [InlineData("rust/kernel/gizmo.rs:77 gizmo_check")]
    public void A_warning_at_any_source_file_is_named_from_its_trace(string site)
    {
        var report = First("[  100.123456] ", $"""
            WARNING: CPU: 0 PID: 1 at {site}+0x1/0x2
            RIP: 0010:gizmo_check+0x1/0x2
            Call Trace:
             gizmo_caller+0x3/0x4
             gizmo_ioctl+0x5/0x6
             do_syscall_64+0x7/0x8
            """);
        AssertTitle(report, "WARNING in gizmo_check", "WARNING");
    }

    /// <summary>
    /// A panic after 22 lines of the report is its consequence and ends the title text; nearer, it may hold the only
    /// stack. Lines are counted as the convention counts them, the header and a lock-debugging notice included.
    /// </summary>
    [Theory]
    [InlineData(19, false, "WARNING in gizmo_late_frame")]
    [InlineData(20, false, "WARNING in corrupted")]
    [InlineData(19, true, "WARNING in corrupted")]
    public void A_panic_past_twenty_two_lines_is_a_consequence(int fillers, bool lockNotice, string title)
    {
        var lines = new List<string>
        {
            "WARNING: CPU: 0 PID: 1 at drivers/gizmo/core.c:77 gizmo_check+0x1/0x2",
            "RIP: 0010:__warn_gizmo+0x1/0x2",
        };
        lines.AddRange(Enumerable.Range(0, fillers).Select(n => $"gizmo register dump {n}"));
        if (lockNotice)
            lines.Add("Disabling lock debugging due to kernel taint");
        lines.AddRange(["Kernel panic - not syncing: panic_on_warn set ...", "Call Trace:", " panic+0x1/0x2", " gizmo_late_frame+0x3/0x4", " gizmo_ioctl+0x5/0x6"]);
        var report = First("[  100.123456] ", string.Join('\n', lines));
        Assert.Equal(title, report.Title);
    }

    /// <summary>
    /// Every line the unwinder doubts (` ? ` anywhere, address-only ones too) is dropped where lines are timed, so it
    /// does not fill the fifteen lines in which a stack header must show a frame. Untimed, it is kept and does, but
    /// untimed text reads as pasted (ConsoleForm), where a short trace is no damage once the title names a function.
    /// </summary>
    [Theory]
    [InlineData("[  100.123456] ", false)]
    [InlineData("", false)]
    public void Doubtful_lines_do_not_count_against_a_stack_where_lines_are_timed(string prefix, bool corrupted)
    {
        var doubtful = string.Concat(Enumerable.Range(0, 16).Select(n => $" ? 0xffffffffc00{n:x4}00\n"));
        var report = First(prefix, $"""
            general protection fault: 0000 [#1] SMP
            RIP: 0010:gizmo_fault+0x1/0x2
            Call Trace:
            {doubtful} gizmo_caller+0x3/0x4
             gizmo_ioctl+0x5/0x6
            """);
        Assert.Equal("general protection fault in gizmo_fault", report.Title);
        Assert.Equal(corrupted, report.Corrupted);
    }

    [Theory]
    [InlineData("trusty: panic (lk/kernel/thread.c:12): ASSERT FAILED at (lib/heap.c:99): ptr != NULL", "trusty: ASSERT FAILED: ptr != NULL", false)]
    [InlineData("trusty: panic notify: ASSERT FAILED garbled: ptr != NULL", "trusty: ASSERT FAILED: ptr != NULL", true)]
    [InlineData("trusty: panic (lk/kernel/thread.c:12): out of memory", "trusty: panic: out of memory", false)]
    public void Trusty_panics_keep_their_message(string line, string title, bool corrupted)
    {
        var report = First("", line);
        Assert.Equal(title, report.Title);
        Assert.Equal("DoS", report.Type);
        Assert.Equal(corrupted, report.Corrupted);
    }
}
