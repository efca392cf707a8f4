using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Detection;

public sealed class CrashDetectorTests
{
    private static List<CrashRegion> Detect(string log) => new CrashDetector().Detect(LineReader.Read(log)).ToList();

    private const string Trace = """
        CPU: 1 PID: 4242 Comm: worker Not tainted 6.1.0 #1
        Call Trace:
         <TASK>
         do_thing+0x12/0x40
         worker_loop+0x88/0x100
         kthread+0x10a/0x130
         ret_from_fork+0x1f/0x30
         </TASK>
        """;

    [Theory]
    [InlineData("BUG: unable to handle kernel paging request at ffff8802ea75bb00", "bug")]
    [InlineData("BUG: unable to handle kernel NULL pointer dereference at 0000000000000008", "bug")]
    [InlineData("BUG: kernel NULL pointer dereference, address: 0000000000000008", "bug")]
    [InlineData("general protection fault: 0000 [#1] SMP", "gpf")]
    [InlineData("general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] PREEMPT SMP KASAN", "gpf")]
    [InlineData("kernel BUG at fs/ext4/inode.c:1234!", "kernel-bug")]
    [InlineData("Oops: 0000 [#1] SMP", "oops")]
    [InlineData("BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:123]", "bug")]
    [InlineData("watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [swapper/3:0]", "bug")]
    [InlineData("NMI watchdog: Watchdog detected hard LOCKUP on cpu 5", "hard-lockup")]
    [InlineData("INFO: task jbd2/sda1-8:345 blocked for more than 120 seconds.", "info")]
    [InlineData("INFO: rcu_sched detected stalls on CPUs/tasks:", "info")]
    [InlineData("INFO: rcu_preempt self-detected stall on CPU", "info")]
    [InlineData("rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:", "info")]
    [InlineData("WARNING: CPU: 1 PID: 123 at net/core/dev.c:2345 skb_warn_bad_offload+0x1/0x2", "warning")]
    [InlineData("BUG: scheduling while atomic: swapper/0/0/0x00000002", "bug")]
    [InlineData("BUG: sleeping function called from invalid context at mm/slab.h:421", "bug")]
    [InlineData("Kernel panic - not syncing: Fatal exception", "kernel-panic")]
    [InlineData("WARNING: kernel/workqueue.c:2271 at __queue_work+0xd20/0xf90, CPU#1: kworker/1:1/36", "warning")]
    [InlineData("WARNING: arch/arm64/kernel/topology.c:410 at counters_read_on_cpu", "warning")]
    [InlineData("WARNING: drivers/net/wireless/ath/ath12k/mac.c:791 at", "warning")]
    [InlineData("WARNING: drivers/net/wireless/ath/ath12k/mac.c:791 at ath12k_mac_get_arvif+0x9e/0xd0 [ath12k]", "warning")]
    [InlineData("BUG: KASAN: use-after-free in tcp_v4_rcv+0x1/0x2", "bug")]
    [InlineData("mce: [Hardware Error]: CPU 0: Machine Check Exception: 5 Bank 4: b200000000070005", "mce")]
    [InlineData("mce: [Hardware Error]: Machine check events logged", "mce")]
    [InlineData("(XEN) Panic on CPU 0:", "xen")]
    [InlineData("(XEN) Xen BUG at spinlock.c:47", "xen")]
    [InlineData("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010", "unable-to-handle")]
    [InlineData("kworker/u4:4: page allocation failure: order:0, mode:0x40a20(GFP_ATOMIC|__GFP_COMP)", "page-alloc-failure")]
    [InlineData("Unhandled kernel unaligned access[#1]:", "mips-die")]
    [InlineData("WARNING: kernel/workqueue.c:2271 at __queue_work+0xd20/0xf90 kernel/workqueue.c:2269, CPU#1: syz.6.1277/11092", "warning")]
    [InlineData("WARNING: drivers/gpu/drm/drm_vblank.c:728 at drm_crtc_vblank_helper_get_vblank_timestamp+0x1/0x2 [drm], CPU#3: Xorg/812", "warning")]
    [InlineData("Reserved instruction in kernel code[#1]:", "mips-die")]
    [InlineData("CPU 0 Unable to handle kernel paging request at virtual address 00000011, epc == 8119bd54, ra == 8119bcb8", "unable-to-handle")]
    [InlineData("CPU 12 Unable to handle kernel paging request at virtual address 00000011, epc == 8119bd54, ra == 8119bcb8", "unable-to-handle")]
    public void Each_detection_marker_opens_one_report_on_its_line(string header, string family)
    {
        var regions = Detect("booting\nnormal line\n" + header + "\n" + Trace + "\nafter\n");
        var region = Assert.Single(regions);
        Assert.Equal(3, region.StartLine);
        Assert.Equal(family, region.Header.Family);
        Assert.Equal(header, region.Lines[0].Text);
    }

    [Theory]
    [InlineData("$ grep 'BUG:' /var/log/messages")]
    [InlineData("root@host:~# dmesg | grep -i \"Kernel panic - not syncing\"")]
    [InlineData("echo 'WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2' > /dev/kmsg")]
    [InlineData("ALSA sound/core/pcm_lib.c:181: BUG: pcmC0D0p:0, pos = 0x4000, buffer size = 0x4000")]
    [InlineData("Jan 14 01:04:26 host gnome-session[1443]: WARNING: Could not launch application")]
    [InlineData("INFO: NMI handler (perf_event_nmi_handler) took too long to run: 2.277 msecs")]
    [InlineData("ODEBUG: Out of memory. ODEBUG disabled")]
    [InlineData("traps: a.out[123] general protection fault ip:4004d6 sp:7ffd6f9c error:0 in a.out[400000+1000]")]
    [InlineData("INFO: lockdep is turned off.")]
    [InlineData("ok 4 - kasan_test: BUG: KASAN: slab-out-of-bounds expected")]
    [InlineData("Decompressing Linux... Parsing ELF... done. Booting the kernel.")]
    [InlineData("CPU 0 of 4: Unable to handle kernel requests says the manual")]
    [InlineData("WARNING: config.txt:12 at boot is deprecated")]
    [InlineData("WARNING: config.txt:12 at")]
    [InlineData("WARNING: main.c:12 at the end of the build something failed")]
    [InlineData("WARNING: RO_VPD is uninitialized or empty.")]
    [InlineData("WARNING: ODEBUG bug in __do_softirq")]                  // syzbot's titles: debugobjects and refcount_t
    [InlineData("WARNING: refcount bug in l2tp_session_register")]       // WARN with `WARNING: CPU: ...` and say it below
    [InlineData("cgroup_fj_stress_blkio_4_4_each 2 TINFO: Removing all ltp subgroups...")]
    [InlineData("\tcase HCIGETCONNINFO:")]
    [InlineData("| WARNING:at_net/mac80211/iface.c:#ieee80211_do_stop            | 0          | 12         |")]
    [InlineData("| BUG:soft_lockup-CPU##stuck_for#s![kworker:#:#]                 | 0          | 4          |")]
    [InlineData("dmesg.WARNING:at_lib/list_debug.c:#__list_add_valid_or_report")]
    public void Text_that_only_mentions_crash_words_is_no_report(string line)
    {
        Assert.Empty(Detect("normal line\n" + line + "\nanother line\n"));
    }

    [Fact]
    public void A_log_without_a_crash_yields_nothing()
    {
        Assert.Empty(Detect("Linux version 6.1.0\nCommand line: root=/dev/sda1\nsystemd[1]: Started Journal Service.\n"));
        Assert.Empty(Detect(""));
    }

    [Fact]
    public void A_panic_and_hypervisor_lines_after_an_oops_belong_to_that_oops()
    {
        var log = "BUG: unable to handle kernel paging request at ffff8802ea75bb00\n" + Trace +
            "\n---[ end trace 1b6ab2b2d6f6a1f2 ]---\nKernel panic - not syncing: Fatal exception in interrupt\n" +
            "(XEN) Domain 0 crashed: rebooting machine in 5 seconds.\n";
        var region = Assert.Single(Detect(log));
        Assert.Equal(1, region.StartLine);
        Assert.EndsWith("(XEN) Domain 0 crashed: rebooting machine in 5 seconds.", region.Lines[^1].Text);
    }

    [Fact]
    public void Back_to_back_and_far_apart_reports_are_each_found_with_their_lines()
    {
        var quiet = string.Concat(Enumerable.Repeat("eth0: link up\n", 200));
        var log = "WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2\n" + Trace + "\n---[ end trace 1 ]---\n"
            + "general protection fault: 0000 [#1] SMP\n" + Trace + "\n" + quiet
            + "BUG: soft lockup - CPU#0 stuck for 22s! [a:1]\n" + Trace + "\n";
        var regions = Detect(log);
        Assert.Equal(new[] { "warning", "gpf", "bug" }, regions.Select(r => r.Header.Family));
        Assert.Equal(regions[1].StartLine - 1, regions[0].EndLine);
        Assert.True(regions[1].EndLine < regions[2].StartLine - 150, "the quiet lines after a report are not part of it");
    }

    /// <summary>CPUs faulting together print their headers back to back; one of them dumps the registers and trace.</summary>
    [Theory]
    [InlineData("BUG: Kernel NULL pointer dereference on read at 0x000080a0", "BUG: Unable to handle kernel data access on read at 0x3949ffff40920078")]
    [InlineData("BUG: unable to handle page fault for address: ffffc90000a1b000", "general protection fault, probably for non-canonical address 0xdead: 0000 [#2] SMP")]
    [InlineData("BUG: unable to handle kernel paging request at 0000dead", "BUG: unable to handle kernel paging request at 0000beef")]
    public void Headers_printed_back_to_back_are_one_report_with_the_dump_after_them(string first, string second)
    {
        foreach (var prefix in new[] { "", "[ 5.100000] ", "Jan 14 01:04:26 host kernel: " })
            foreach (var headers in new[] { new[] { first, second }, new[] { first, second, second } })
            {
                var lines = headers.Concat(["Oops: Kernel access of bad area, sig: 11 [#1]"]).Concat(Trace.Split('\n'));
                var region = Assert.Single(Detect(string.Concat(lines.Select(l => prefix + l + "\n"))));
                Assert.Contains(region.Lines, l => l.Text.Contains("Comm: worker", StringComparison.Ordinal));
            }
    }

    [Fact]
    public void A_header_after_a_report_body_still_opens_its_own_report()
    {
        var regions = Detect("BUG: unable to handle kernel paging request at 0000dead\nPGD 0\nBUG: unable to handle kernel paging request at 0000beef\n" + Trace + "\n");
        Assert.Equal(2, regions.Count);
    }

    [Fact]
    public void With_caller_ids_back_to_back_headers_stay_apart()
    {
        var log = "[ 5.1][ T100] BUG: unable to handle kernel paging request at 0000dead\n[ 5.1][ T200] BUG: unable to handle kernel paging request at 0000beef\n";
        Assert.Equal(2, Detect(log).Count);
    }

    /// <summary>mm/slub.c prints its detail lines as `INFO: ...` under the `BUG cache (...)` header: one report.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("[   60.262402] ")]
    public void Slub_detail_lines_stay_in_the_slub_report(string stamp)
    {
        var log = string.Concat(new[]
        {
            "BUG kmalloc-128 (Tainted: G      D         T): Poison overwritten",
            "-----------------------------------------------------------------------------",
            "INFO: 0xa0093f52-0xa0093f52 @offset=1296. First byte 0x6c instead of 0x6b",
            "INFO: Allocated in usb_alloc_urb+0x24/0x58 age=1380 cpu=0 pid=82",
            "INFO: Freed in acm_disconnect+0x124/0x194 [cdc_acm] age=521 cpu=0 pid=1566",
            "INFO: Slab 0xccf60d34 objects=21 used=21 fp=0x00000000 flags=0x10200",
            "INFO: Object 0xf99f52f8 @offset=1280 fp=0x2bebcd84",
        }.Select(l => stamp + l + "\n"));
        var region = Assert.Single(Detect(log));
        Assert.Equal(7, region.Lines.Count);
    }

    /// <summary>A mail client's wrap of a caller-id line has no prefix: it belongs to the line above, not to nobody.</summary>
    [Theory]
    [InlineData("[  710.239600][  T267] ", "[  710.239601][    C1] ")]
    [InlineData("<4>[21119.297334][T22907] ", "<4>[21119.297335][C1] ")]
    [InlineData("[Thu Jan 29 17:25:10 2026] [   T5543] ", "[Thu Jan 29 17:25:10 2026] [     C1] ")]
    public void With_caller_ids_an_unprefixed_wrap_stays_with_its_line(string prefix, string other)
    {
        var log = prefix + "Oops: 0000 [#1] PREEMPT SMP\n"
            + prefix + "CPU: 0 PID: 267 Comm: rmmod Kdump: loaded \n"
            + "Tainted: G           O      4.19.110-axis8-devel #1\n"
            + other + "other CPU\n"
            + "a wrap of the other CPU's line\n"
            + prefix + "Call Trace:\n";
        var region = Assert.Single(Detect(log));
        Assert.Contains(region.Lines, l => l.Text.StartsWith("Tainted: G", StringComparison.Ordinal));
        Assert.DoesNotContain(region.Lines, l => l.Text.StartsWith("a wrap of the other", StringComparison.Ordinal));
        var report = PanicLens.Parsing.ReportParser.Parse("t", region.Lines, region.StartLine, region.EndLine);
        Assert.Equal("4.19.110-axis8-devel", report.Kernel);
    }

    [Fact]
    public void A_replayed_printk_header_is_not_a_report()
    {
        Assert.Empty(Detect("BUG: soft lockup - CPU#0 stuck\n** replaying previous printk message **\n"));
    }

    [Fact]
    public void With_caller_ids_a_report_keeps_only_its_own_task_lines()
    {
        var log = """
            [   10.000001][ T100] BUG: KASAN: use-after-free in foo+0x1/0x2
            [   10.000002][ T200] eth0: unrelated
            [   10.000003][ T100] Call Trace:
            [   10.000004][ T200] more unrelated output
            [   10.000005][ T100]  foo+0x1/0x2
            """;
        var region = Assert.Single(Detect(log));
        Assert.Equal("T100", region.Context);
        Assert.All(region.Lines, l => Assert.Equal("T100", l.Context));
        Assert.Equal(3, region.Lines.Count);
    }

    [Fact]
    public void A_xen_hypervisor_panic_is_one_report_with_its_register_dump_and_trace()
    {
        var log = """
            (XEN) Xen BUG at spinlock.c:47
            (XEN) ----[ Xen-4.10-unstable  x86_64  debug=y   Tainted:  C   ]----
            (XEN) CPU:    2
            (XEN) RIP:    e008:[<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40
            (XEN) Xen call trace:
            (XEN)    [<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40
            (XEN)    [<ffff82d080235234>] _spin_is_locked+0x11/0x4d
            (XEN)
            (XEN) ****************************************
            (XEN) Panic on CPU 2:
            (XEN) Xen BUG at spinlock.c:47
            (XEN) ****************************************
            """;
        var region = Assert.Single(Detect(log));
        Assert.Equal("xen", region.Header.Family);
        Assert.Equal(12, region.EndLine);
    }

    [Fact]
    public void A_machine_check_and_its_panic_are_one_hardware_report()
    {
        var log = """
            mce: [Hardware Error]: CPU 18: Machine Check Exception: 5 Bank 7: be00000000800400
            mce: [Hardware Error]: RIP !INEXACT! 10:<ffffffff8d8d3e4e> {native_safe_halt+0xe/0x10}
            mce: [Hardware Error]: TSC 0 ADDR 2e6a1a4000 MISC 200001c020240086
            mce: [Hardware Error]: Run the above through 'mcelog --ascii'
            Kernel panic - not syncing: Fatal machine check
            """;
        var region = Assert.Single(Detect(log));
        Assert.Equal("mce", region.Header.Family);
        Assert.Equal(5, region.EndLine);
    }

    [Fact]
    public void A_region_is_bounded_by_the_line_cap()
    {
        var log = "BUG: soft lockup - CPU#0 stuck\n" + string.Concat(Enumerable.Repeat(" frame+0x1/0x2\n", 100));
        var region = Assert.Single(new CrashDetector { MaxLinesPerRegion = 40 }.Detect(LineReader.Read(log)));
        Assert.Equal(40, region.Lines.Count);
        Assert.True(region.Truncated);
    }

    [Fact]
    public void Regions_stream_out_before_the_log_ends()
    {
        static IEnumerable<LogLine> Endless()
        {
            var n = 0;
            foreach (var text in ("WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2\n" + Trace + "\n---[ end trace 1 ]---").Split('\n'))
                yield return new LogLine(++n, text, null, null);
            while (true)
                yield return new LogLine(++n, "eth0: link up", null, null);
        }
        var first = new CrashDetector().Detect(Endless()).First();
        Assert.Equal(1, first.StartLine);
    }
    [Theory]
    [InlineData("Job error: ", "")]
    [InlineData("", "")]
    [InlineData("", "> ")]
    [InlineData("Job error: ", "    ")]
    public void A_header_that_lost_its_stamp_keeps_the_stamped_trace_below_it(string summary, string quote)
    {
        // A CI summary (LAVA's `Job error: `) or a mail quotes the panic line without its stamp, then the log itself.
        var log = $"""
            {quote}{summary}Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.
            {quote}[  107.553225] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.129-cip12 #1
            {quote}[  107.562299] Hardware name: HopeRun HiHope RZ/G2M with sub board (DT)
            {quote}[  107.568680] Call trace:
            {quote}[  107.571171]  dump_backtrace+0x0/0x1b0
            {quote}[  107.578220]  dump_stack+0xf8/0x168
            {quote}[  107.581654]  panic+0x180/0x368
            {quote}[  107.584741]  kernel_init+0xf8/0x114
            {quote}[  107.588262]  ret_from_fork+0x10/0x30
            """;
        var region = Assert.Single(Detect(log));
        Assert.Equal(1, region.StartLine);
        Assert.Equal(9, region.EndLine);
    }

    public static TheoryData<string, string, string, int, string> PanicTraces() => new()
    {
        { "Job error: ", "", "[    0.010000] ", 1, "x86" },
        { "Job error: ", "> ", "[    2.973591] ", 2, "arm" },
        { "", "", "[  26.993759][    T1] ", 1, "arm-html" },
        { "", "    ", "[    1.307021] ", 0, "x86" },
        { "Job error: ", "", "[    6.656543] ", 1, "arm-html" },
        { "", "> > ", "[  110.730381] ", 1, "arm" },
        { "", "", "[  26.993759][    T1] ", -1, "x86" },
        { "Job error: ", "> ", "[    0.010000] ", -1, "arm" },
    };

    [Theory]
    [MemberData(nameof(PanicTraces))]
    public void A_stampless_panic_line_keeps_its_stamped_dump_stack_across_blank_lines(string summary, string quote, string stamp, int blanks, string arch)
    {
        // kernel/panic.c panic(): the message, then dump_stack(); a mail may be double-spaced, a CI page HTML-escaped.
        string[] body = arch switch
        {
            "x86" => ["Call Trace:", " dump_stack+0x57/0x6e", " panic+0xf6/0x2b7", " setup_IO_APIC+0x7ff/0x838", " x86_late_time_init+0x1b/0x22"],
            "arm" => ["[<c010daa8>] (unwind_backtrace) from [<c01099a4>] (show_stack+0x10/0x14)", "[<c01099a4>] (show_stack) from [<c07d278c>] (dump_stack+0x88/0xa4)", "[<c07d278c>] (dump_stack) from [<c0120c5c>] (panic+0x110/0x2f0)"],
            _ => ["[&lt;c010daa8&gt;] (unwind_backtrace) from [&lt;c01099a4&gt;] (show_stack+0x10/0x14)", "[&lt;c01099a4&gt;] (show_stack) from [&lt;c07d278c&gt;] (dump_stack+0x88/0xa4)"],
        };
        var lines = new List<string> { quote + summary + "Kernel panic - not syncing: Fatal exception in interrupt" };
        // blanks < 0: the poster cut the lines between the panic line and the trace (`...`, `[...]`).
        if (blanks < 0)
            lines.Add(quote + (summary.Length > 0 ? "[...]" : "..."));
        foreach (var text in (string[])["CPU: 1 PID: 0 Comm: swapper/1 Tainted: G      D           5.10.198-rc1 #1", "Hardware name: Generic RZ/G1 (Flattened Device Tree)", .. body])
        {
            lines.AddRange(Enumerable.Repeat(quote.TrimEnd(), Math.Max(0, blanks)));
            lines.Add(quote + stamp + text);
        }
        lines.AddRange(["", "Regards,", "the CI"]);
        var region = Assert.Single(Detect(string.Join("\n", lines)));
        Assert.Equal(1, region.StartLine);
        Assert.Equal(lines.Count - 3, region.EndLine);
    }

    [Fact]
    public void A_stampless_panic_line_above_prose_keeps_no_later_stamped_text()
    {
        // Only blank lines may stand between the header and the stamped stream it lost its stamp from.
        var log = "Kernel panic - not syncing: Fatal exception\n\nI think this comes from the driver.\n\n[    1.307021]  dump_stack+0x57/0x6e\n[    1.307021]  panic+0xf6/0x2b7";
        var region = Detect(log).First();
        Assert.Equal(1, region.EndLine);
    }

    private static readonly string[] EndTracePrefixes = ["", "[    4.134240] ", "Aug 19 12:22:39 shalem kernel: ", "> > ", "<4>[  161.185008] "];

    private static string Prefixed(string prefix, IEnumerable<string> lines) => string.Join("\n", lines.Select(line => prefix + line));

    private static readonly string[] DmaWarning =
    [
        "------------[ cut here ]------------",
        "DMA-API: xhci_hcd 0000:00:14.0: cacheline tracking EEXIST, overlapping mappings aren't supported",
        "WARNING: CPU: 2 PID: 0 at kernel/dma/debug.c:570 add_dma_entry+0x1e4/0x270",
        "CPU: 2 PID: 0 Comm: swapper/2 Not tainted 6.1.0 #1",
        "RIP: 0010:add_dma_entry+0x1e4/0x270",
        "Call Trace:",
        " <TASK>",
        " dma_map_page_attrs+0x82/0x2d0",
        " usb_hcd_map_urb_for_dma+0x3f3/0x580",
        " </TASK>",
        "---[ end trace 0000000000000000 ]---",
    ];

    public static TheoryData<string, string> Tails() => new()
    {
        { "DMA-API: Mapped at:", " debug_dma_map_page+0x66/0x100" },
        { "dma-debug: Mapped at:", " [<ffffffff81394d6a>] debug_dma_map_page+0x6a/0x110" },
        { "possible reason: unannotated irqs-off.", "hardirqs last  enabled at (64229): cpu_idle_poll+0x40/0xb8" },
        { "kobject_add_internal failed for i2c-2 with -EEXIST, don't try to register things with the same name in the same directory.",
          " [<c114d893>] kobject_add_internal+0x11c/0x154" },
    };

    [Fact]
    public void Kobjects_duplicate_name_dump_after_sysfs_warning_stays_in_the_report()
    {
        string[] warning =
        [
            "------------[ cut here ]------------",
            "WARNING: at fs/sysfs/dir.c:462 sysfs_add_one+0x2a/0x36()",
            "sysfs: duplicate filename 'i2c-2' can not be created",
            "Pid: 4043, comm: kdvb-ad-0-fe-0 Tainted: G        W  2.6.29 #1",
            "Call Trace:",
            " [<c102580b>] warn_slowpath+0x74/0x8a",
            " [<c10bbbe1>] sysfs_add_one+0x2a/0x36",
            " [<c10bc050>] create_dir+0x43/0x68",
            "---[ end trace 9ed00f8504e5c157 ]---",
            // 2.6.2x kobject_add_internal(): its own line (a mail client wrapped it here), then dump_stack().
            "kobject_add_internal failed for i2c-2 with -EEXIST, don't try",
            "to register things with the same name in the same directory.",
            "Pid: 4043, comm: kdvb-ad-0-fe-0 Tainted: G        W  2.6.29 #1",
            "Call Trace:",
            " [<c114d893>] kobject_add_internal+0x11c/0x154",
            " [<c114d976>] kobject_add_varg+0x35/0x41",
        ];
        foreach (var prefix in EndTracePrefixes)
            Assert.Equal(warning.Length, Assert.Single(Detect(Prefixed(prefix, warning))).EndLine);
    }

    [Theory]
    [MemberData(nameof(Tails))]
    public void A_sites_own_tail_after_its_end_trace_stays_in_the_report(string tail, string frame)
    {
        foreach (var prefix in EndTracePrefixes)
        {
            var lines = DmaWarning.Concat([tail, frame, " dma_map_page_attrs+0x82/0x2d0", "usb 1-1.1: new high-speed USB device number 3 using xhci-hcd"]).ToList();
            var region = Assert.Single(Detect(Prefixed(prefix, lines)));
            Assert.Equal(lines.Count - 1, region.EndLine);
            // Anything else first: the marker ends the report as always, and the tail two lines on is not its.
            lines.Insert(DmaWarning.Length, "usb 1-1.1: new high-speed USB device number 3 using xhci-hcd");
            region = Assert.Single(Detect(Prefixed(prefix, lines)));
            Assert.Equal(DmaWarning.Length, region.EndLine);
        }
    }

    [Fact]
    public void A_warning_without_a_trace_takes_the_call_trace_right_after_its_end_marker()
    {
        string[] arm64 =
        [
            "WARNING: CPU: 1 PID: 2114 at net/mac80211/sta_info.c:2064 sta_set_sinfo+0x9dc/0xad4 [mac80211]",
            "CPU: 1 PID: 2114 Comm: wpa_supplicant Tainted: G        W  O    4.9.51 #1",
            "PC is at sta_set_sinfo+0x9dc/0xad4 [mac80211]",
            "x1 : 0000000000000000 x0 : ffffffbffcea1091",
            "---[ end trace 63c4b1c527345d5a ]---",
            "Call trace:",
            "[<ffffffbffce2a008>] sta_set_sinfo+0x9dc/0xad4 [mac80211]",
            "[<ffffffbffce2a2c4>] __sta_info_flush+0xec/0x130 [mac80211]",
        ];
        foreach (var prefix in EndTracePrefixes)
        {
            Assert.Equal(arm64.Length, Assert.Single(Detect(Prefixed(prefix, arm64))).EndLine);
            // A report that printed its trace already ends at the marker.
            var traced = DmaWarning.Concat(arm64[5..]).ToArray();
            Assert.Equal(DmaWarning.Length, Assert.Single(Detect(Prefixed(prefix, traced))).EndLine);
        }
    }
}
