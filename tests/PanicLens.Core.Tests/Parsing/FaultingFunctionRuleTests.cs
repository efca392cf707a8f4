namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// The engineer's reading of the faulting function, rule by rule, on invented reports of several eras and
/// architectures: each rule is tested with inputs it was not written from, and with a near miss.
/// </summary>
public sealed class FaultingFunctionRuleTests
{
    [Theory]
    [InlineData("__of_match_node.part.5", "__of_match_node")]
    [InlineData("tcp_fragment.constprop.0", "tcp_fragment")]
    [InlineData("ipv6_addr_copy.isra.3", "ipv6_addr_copy")]
    [InlineData("__list_del_entry_valid.cold", "__list_del_entry_valid")]
    [InlineData("foo_bar.llvm.123456789", "foo_bar")]
    [InlineData("plain_name", "plain_name")]
    public void Compiler_clone_suffixes_are_dropped(string printed, string read)
    {
        foreach (var ip in new[] { $"RIP: 0010:{printed}+0x2a/0x90", $"pc : {printed}+0x2a/0x90", $"PC is at {printed}+0x2a/0x90", $"NIP [c000000000123456] {printed}+0x2a/0x90" })
        {
            var report = ReportParserTests.Parse("Unable to handle kernel paging request at virtual address 0000dead", ip);
            Assert.True(read == report.Function, $"{ip}: got {report.Function}");
        }
    }

    /// <summary>The interrupted code is printed after the timer interrupt's frames; its lock is skipped.</summary>
    public static TheoryData<string, string[]> Lockups() => new()
    {
        {
            "x86 5.8+: stall in a lock released after the interrupt entry",
            [
                "rcu: INFO: rcu_sched self-detected stall on CPU",
                "CPU: 3 PID: 77 Comm: kworker/3:1 Not tainted 5.10.0 #1",
                "Call Trace:",
                " <IRQ>",
                " dump_stack+0x57/0x70",
                " rcu_sched_clock_irq+0x10a/0x366",
                " update_process_times+0x24/0x60",
                " __sysvec_apic_timer_interrupt+0x5d/0xf0",
                " </IRQ>",
                " sysvec_apic_timer_interrupt+0x73/0x80",
                " asm_sysvec_apic_timer_interrupt+0x12/0x20",
                "RIP: 0010:_raw_spin_unlock_irqrestore+0xe/0x10",
                "RSP: 0018:ffffb013ce1dbd28 EFLAGS: 00000206",
                " frob_widget_queue+0xd7/0x300 [frob]",
                " frob_work+0x43/0x60 [frob]",
                " process_one_work+0x1d4/0x3c0",
            ]
        },
        {
            "x86 4.x: soft lockup, lock frames under the RIP",
            [
                "watchdog: BUG: soft lockup - CPU#1 stuck for 23s! [frobd:957]",
                "CPU: 1 PID: 957 Comm: frobd Tainted: G             L    4.14.0 #1",
                "Call Trace:",
                " <IRQ>",
                " dump_stack+0x76/0xb5",
                " watchdog_timer_fn+0x26c/0x2b0",
                " __hrtimer_run_queues+0x113/0x3c0",
                " hrtimer_interrupt+0x110/0x370",
                " smp_apic_timer_interrupt+0x7b/0x210",
                " apic_timer_interrupt+0xf/0x20",
                "RIP: 0010:native_queued_spin_lock_slowpath+0x72/0x490",
                "RSP: 0018:ffff9a60ffc837f8 EFLAGS: 00000202 ORIG_RAX: ffffffffffffff13",
                " ? frob_unrelated_helper+0x5b2/0x820",
                " _raw_spin_lock+0x21/0x30",
                " frob_widget_queue+0x97/0x300 [frob]",
                " frob_ioctl+0x2e4/0x690 [frob]",
            ]
        },
        {
            "arm64: pc in the lock, trace starts at the interrupted pc",
            [
                "watchdog: BUG: soft lockup - CPU#12 stuck for 22s! [frobd:4023]",
                "CPU: 12 PID: 4023 Comm: frobd Not tainted 6.1.0 #1",
                "pc : queued_spin_lock_slowpath+0x78/0x4f0",
                "lr : do_raw_spin_lock+0xb4/0x128",
                "sp : ffff8000cc133210",
                "Call trace:",
                " queued_spin_lock_slowpath+0x78/0x4f0",
                " do_raw_spin_lock+0xb4/0x128",
                " _raw_spin_lock+0x2c/0x40",
                " frob_widget_queue+0x1c/0x38 [frob]",
                " frob_ioctl+0x2c/0xe0 [frob]",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Lockups))]
    public void A_lockup_in_a_lock_names_the_first_caller_above_it(string form, string[] lines)
    {
        var report = ReportParserTests.Parse(lines);
        Assert.True(report.Function == "frob_widget_queue", $"{form}: got {report.Function}");
        Assert.Equal("frob", report.Module);
    }

    [Fact]
    public void A_lockup_outside_any_lock_names_the_instruction_pointer()
    {
        var report = ReportParserTests.Parse(
            "watchdog: BUG: soft lockup - CPU#1 stuck for 23s! [frobd:957]",
            "CPU: 1 PID: 957 Comm: frobd Tainted: G             L    4.14.0 #1",
            "RIP: 0010:frob_spin_forever+0x33/0xc0 [frob]",
            "RSP: 0018:ffffa6af008f73f0 EFLAGS: 00000293 ORIG_RAX: ffffffffffffffd5",
            "Call Trace:",
            " frob_widget_queue+0x84/0x100 [frob]",
            " _raw_spin_lock+0x21/0x30");
        Assert.Equal("frob_spin_forever", report.Function);
    }

    [Theory]
    [InlineData(" kmalloc_order_trace+0x19/0x90", " __kmalloc+0x19/0x90")]
    [InlineData(" kmem_cache_alloc+0x88/0x122", " ___slab_alloc+0x3fb/0x4db")]
    [InlineData(" __vmalloc_node_range+0x88/0x122", " __get_free_pages+0x3fb/0x4db")]
    public void A_failed_allocation_names_the_caller_above_the_allocator(string allocator, string inner)
    {
        var report = ReportParserTests.Parse(
            "[ 1186.2] frobd: page allocation failure: order:4, mode:0x40c40(GFP_NOFS|__GFP_COMP), nodemask=(null)",
            "[ 1186.2] CPU: 2 PID: 1108 Comm: frobd Not tainted 5.19.0-1-amd64 #1",
            "[ 1186.2] Call Trace:",
            "[ 1186.2]  <TASK>",
            "[ 1186.2]  dump_stack_lvl+0x45/0x5e",
            "[ 1186.2]  warn_alloc+0x138/0x160",
            "[ 1186.2]  ? __alloc_pages_direct_compact+0x222/0x2f0",
            "[ 1186.2]  __alloc_pages_slowpath.constprop.0+0xc7b/0xd10",
            "[ 1186.2] " + inner,
            "[ 1186.2] " + allocator,
            "[ 1186.2]  frob_read_sums+0x542/0x580 [frob]",
            "[ 1186.2]  vfs_read+0x13c/0x190");
        Assert.Equal("frob_read_sums", report.Function);
        Assert.Equal("frob", report.Module);
    }

    [Theory]
    [InlineData("__this_cpu_preempt_check+0xc8/0xd0")]
    [InlineData("check_preemption_disabled+0xc8/0xd0")]
    [InlineData("debug_smp_processor_id+0x17/0x20")]
    public void A_preemption_check_names_its_caller(string check)
    {
        var report = ReportParserTests.Parse(
            "BUG: using __this_cpu_read() in preemptible [00000000] code: frobd/37270",
            "caller is frob_running_vcpu+0x1c/0x38",
            "CPU: 5 PID: 37270 Comm: frobd Not tainted 5.5.0+ #1",
            "Call trace:",
            " dump_backtrace+0x0/0x200",
            " show_stack+0x24/0x30",
            " dump_stack+0xb0/0xf4",
            " " + check,
            " frob_running_vcpu+0x1c/0x38",
            " frob_change_active.isra.4+0x2c/0xe0");
        Assert.Equal("frob_running_vcpu", report.Function);
    }

    [Theory]
    [InlineData("RIP: 0010:__list_del_entry_valid.cold+0x1d/0x47", "kernel BUG at lib/list_debug.c:54!")]
    [InlineData("RIP: 0010:__list_add_valid+0x1d/0x47", "kernel BUG at lib/list_debug.c:30!")]
    [InlineData("pc : __list_del_entry_valid+0x1d/0x47", "kernel BUG at lib/list_debug.c:54!")]
    public void A_bug_in_a_check_helper_names_the_caller(string ip, string header)
    {
        var report = ReportParserTests.Parse(
            header,
            "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
            "CPU: 1 PID: 27905 Comm: kworker/1:2 Not tainted 5.16.5-200.fc35.x86_64 #1",
            ip,
            "Call Trace:",
            " <TASK>",
            " frob_counter_destroy+0x24/0x80 [frob]",
            " process_one_work+0x1e5/0x3c0");
        Assert.Equal("frob_counter_destroy", report.Function);
        Assert.Equal("frob", report.Module);
    }

    /// <summary>sched_show_task's task line in each era names the task when no header line does.</summary>
    [Theory]
    [InlineData("task:migration/1     state:R  running task     stack:0     pid:22    tgid:22    ppid:2      task_flags:0x4208040 flags:0x00000000", "migration/1", 22)]
    [InlineData("task:NetworkManager  state:D stack:    0 pid: 1139 ppid:     1 flags:0x00004002", "NetworkManager", 1139)]
    [InlineData("task:npm ci          state:D stack:0     pid:47920 ppid:47710  flags:0x00004006", "npm ci", 47920)]
    [InlineData("kswapd0         D    0   279      2 0x00000000", "kswapd0", 279)]
    [InlineData("mysqld          D    0  2140      1 0x00000000", "mysqld", 2140)]
    [InlineData("kworker/u16:2   D12345  1234      2 0x00004000", "kworker/u16:2", 1234)]
    public void A_scheduler_task_line_names_the_task(string taskLine, string comm, int pid)
    {
        var report = ReportParserTests.Parse("rcu: INFO: rcu_sched detected stalls on CPUs/tasks:", "Task dump for CPU 1:", taskLine, "Call Trace:", " frob+0x1/0x2");
        Assert.Equal(new PanicLens.Model.ProcessInfo(comm, pid), report.Process);
    }

    [Theory]
    [InlineData("Stack: (0xedee7ed0 to 0xedee8000)")]
    [InlineData("task:frob state: whatever")]
    [InlineData("RAX: 0000000000000000 RBX: 0 1 0x00000000")]
    public void Lines_only_like_a_task_line_name_no_task(string line)
    {
        Assert.Null(ReportParserTests.Parse("rcu: INFO: rcu_sched detected stalls on CPUs/tasks:", line).Process);
    }

    /// <summary>Mail clients wrap the task line right before the release; stamped or not, the release is read.</summary>
    [Theory]
    [InlineData("CPU: 24 PID: 0 Comm: swapper/24 Kdump: loaded Not tainted ", "5.15.0-rc5-next-20211012-autotest #1")]
    [InlineData("CPU: 3 PID: 77 Comm: kworker/3:1 Tainted: G        W  O   ", "6.1.0-13-amd64 #1 Debian 6.1.55-1")]
    [InlineData("CPU: 3 UID: 0 PID: 77 Comm: frobd Not tainted", "6.12.0 #1")]
    [InlineData("REGS: c000000006797560 TRAP: 0380   Not tainted ", "(5.15.0-rc5-next-20211012-autotest)")]
    public void A_task_line_wrapped_before_the_release_gives_the_kernel(string head, string tail)
    {
        var release = tail.TrimStart('(').Split(' ', ')')[0];
        foreach (var prefix in new[] { "", "[  12.345678] " })
        {
            var report = ReportParserTests.Parse(prefix + "Oops: Kernel access of bad area, sig: 11 [#1]", prefix + head, tail);
            Assert.Equal(release, report.Kernel);
        }
    }

    [Fact]
    public void A_line_after_a_task_line_that_is_no_release_is_not_joined()
    {
        var report = ReportParserTests.Parse("Oops: 0000 [#1] SMP", "CPU: 1 PID: 2 Comm: frobd Not tainted", "4 CPUs online");
        Assert.Null(report.Kernel);
    }

    /// <summary>A build number glued onto the release (`#1 SMP` lost its blank) is not part of the kernel.</summary>
    [Theory]
    [InlineData("Pid: 0, comm: swapper Not tainted 2.6.32-279.el6.x86_64#1 HP ProLiant DL380 G7", "2.6.32-279.el6.x86_64")]
    [InlineData("CPU: 0 PID: 1 Comm: init Not tainted 4.4.0-21-generic#37-Ubuntu", "4.4.0-21-generic")]
    [InlineData("CPU: 0 PID: 1 Comm: init Tainted: G        W 5.10.0-8-amd64 #1 Debian 5.10.46-4", "5.10.0-8-amd64")]
    public void A_glued_build_number_is_cut_from_the_release(string taskLine, string release)
    {
        Assert.Equal(release, ReportParserTests.Parse("Oops: 0000 [#1] SMP", taskLine).Kernel);
    }

    /// <summary>Lockdep names the lock sites (`lock{usage}-{n:n}, at: f`); the engineer names the first that is not a lock primitive.</summary>
    [Theory]
    [InlineData("WARNING: possible circular locking dependency detected", "c2bd4300 (&frob->lock){+.+.}-{3:3}, at: frob_mic_work+0x38/0xdc [frob]")]
    [InlineData("WARNING: possible recursive locking detected", "ffff888402d6f508 (&group->lock){-...}-{2:2}, at: frob_mic_work+0xda8/0xee0 [frob]")]
    [InlineData("[ INFO: possible circular locking dependency detected ]", " (&frob->lock){+.+.}, at: [<ffffffff81234567>] frob_mic_work+0x38/0xdc [frob]")]
    [InlineData("WARNING: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected", "ffff888214db8760 (&frob->lock){.+.+}-{2:2}, at: frob_mic_work.part.0+0x36/0x550 sound/core/frob.c:153")]
    public void A_lockdep_report_names_the_function_taking_the_lock(string header, string site)
    {
        var report = ReportParserTests.Parse(header,
            "6.0.0-rc1 #13097 Not tainted",
            "------------------------------------------------------",
            "kworker/1:1/32 is trying to acquire lock:",
            "ffff888214dc2108 (&group->lock){..-.}-{2:2}, at: spin_lock_irq include/linux/spinlock.h:379 [inline]",
            "ffff888214dc2108 (&group->lock){..-.}-{2:2}, at: _raw_spin_lock_irqsave+0x3c/0x60",
            site,
            "",
            "but task is already holding lock:",
            "f08f5f28 ((work_completion)(&(&frob->mic_work)->work)){+.+.}-{0:0}, at: process_one_work+0x1e4/0x778");
        Assert.Equal("frob_mic_work", report.Function);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[    1.234567] ")]
    public void An_arm_trace_without_a_call_trace_line_is_read(string stamp)
    {
        var report = ReportParserTests.Parse(new[]
        {
            "WARNING: CPU: 0 PID: 1 at drivers/frob/core.c:2396 frob_put.part.0+0x1b4/0x1d8",
            "CPU: 0 PID: 1 Comm: swapper/0 Tainted: G                 N 6.5.0-11075-g92901222f83d #1",
            "Hardware name: Freescale i.MX6 Ultralite (Device Tree)",
            " unwind_backtrace from show_stack+0x10/0x14",
            " show_stack from dump_stack_lvl+0x68/0x90",
            " dump_stack_lvl from __warn+0x70/0x1a4",
            " __warn from warn_slowpath_fmt+0xac/0x220",
            " warn_slowpath_fmt from frob_put.part.0+0x1b4/0x1d8",
            " frob_put.part.0 from frob_probe+0x1c/0x40",
        }.Select(l => stamp + l).ToArray());
        Assert.Contains(report.Stacks.SelectMany(s => s.Frames), f => f.Function == "frob_put.part.0");
        Assert.Equal("frob_put", report.Function);
    }

    /// <summary>kmemleak's backtrace is the leaked object's allocation: its first caller above the allocator leaked it.</summary>
    [Theory]
    [InlineData("  backtrace:", "    [<ffffffff81234567>] kmemleak_alloc+0x4a/0x80", "    [<ffffffff81234567>] kmem_cache_alloc_trace+0x1a/0x200", "    [<ffffffffc0123456>] frob_open+0x3c/0x120 [frob]")]
    [InlineData("  backtrace (crc 6c5ee80a):", "    kmemleak_alloc_recursive include/linux/kmemleak.h:44 [inline]", "    __kmalloc_cache_noprof+0x2ad/0x3b0 mm/slub.c:4335", "    frob_open+0x3c/0x120 drivers/frob/frob.c:44")]
    [InlineData("  backtrace:", "    __kmalloc+0x1a/0x200", "    __alloc_skb+0x1a/0x200", "    frob_open+0x3c/0x120")]
    public void A_memory_leak_names_the_allocation_caller(string header, string first, string second, string caller)
    {
        foreach (var opening in new[] { "unreferenced object 0xffff888012345678 (size 64):", "BUG: memory leak" })
        {
            var report = ReportParserTests.Parse(opening, "  comm \"frobd\", pid 5133, jiffies 4294945600", "  hex dump (first 32 bytes):",
                "    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................", header, first, second, caller, "    do_syscall_64+0x5b/0x1a0");
            Assert.Equal("frob_open", report.Function);
            Assert.Equal(new PanicLens.Model.ProcessInfo("frobd", 5133), report.Process);
        }
    }

    /// <summary>A WARNING raised in a reporting helper (refcount, ODEBUG, usercopy, list debug) names the helper's caller.</summary>
    [Theory]
    [InlineData("WARNING: CPU: 1 PID: 77 at lib/refcount.c:28 refcount_warn_saturate+0x97/0x110", " refcount_warn_saturate+0x97/0x110")]
    [InlineData("WARNING: CPU: 1 PID: 77 at lib/debugobjects.c:505 debug_print_object+0x8f/0xb0", " debug_print_object+0x8f/0xb0")]
    [InlineData("WARNING: CPU: 1 PID: 77 at lib/list_debug.c:62 __list_del_entry_valid_or_report+0x8f/0xb0", " __list_del_entry_valid_or_report+0x8f/0xb0")]
    [InlineData("WARNING: lib/refcount.c:28 at refcount_warn_saturate+0x97/0x110, CPU#1: frobd/77", " refcount_warn_saturate+0x97/0x110")]
    public void A_warning_in_a_reporting_helper_names_its_caller(string header, string helperFrame)
    {
        var report = ReportParserTests.Parse(header, "CPU: 1 PID: 77 Comm: frobd Not tainted 6.6.0 #1",
            "RIP: 0010:" + helperFrame.Trim(), "Call Trace:", " <TASK>", helperFrame, " frob_release+0x3c/0x120 [frob]", " __fput+0x1a/0x200");
        Assert.Equal("frob_release", report.Function);
    }

    [Fact]
    public void A_warning_in_ordinary_code_names_that_code()
    {
        var report = ReportParserTests.Parse("WARNING: CPU: 1 PID: 77 at drivers/frob/frob.c:28 frob_check+0x97/0x110 [frob]",
            "Call Trace:", " frob_release+0x3c/0x120 [frob]");
        Assert.Equal("frob_check", report.Function);
    }

    /// <summary>
    /// A hung task in lock machinery names the code taking the lock; a named wait (`wait_for_completion`,
    /// `wait_on_page_bit`) is what the hand reader names, as the corpus labels do.
    /// </summary>
    [Theory]
    [InlineData(" __folio_lock+0x13d/0x350")]
    [InlineData(" percpu_down_write+0x2f/0x1a0")]
    [InlineData(" ww_mutex_lock+0x2f/0x1a0")]
    [InlineData(" rt_mutex_slowlock+0x15c/0x190")]
    public void A_hung_task_names_what_takes_the_lock(string wait)
    {
        var report = ReportParserTests.Parse("INFO: task frobd:77 blocked for more than 120 seconds.", "Call Trace:", " __schedule+0x2e1/0x8b0",
            " schedule+0x37/0x80", " schedule_timeout+0x1d8/0x2b0", wait, " frob_sync+0x3c/0x120 [frob]", " do_syscall_64+0x5b/0x1a0");
        Assert.Equal("frob_sync", report.Function);
    }

    [Fact]
    public void A_hung_task_in_a_completion_wait_names_the_wait()
    {
        var report = ReportParserTests.Parse("INFO: task frobd:77 blocked for more than 120 seconds.", "Call Trace:", " __schedule+0x2e1/0x8b0",
            " schedule+0x37/0x80", " schedule_timeout+0x1d8/0x2b0", " wait_for_completion+0x1d/0x20", " frob_sync+0x3c/0x120 [frob]");
        Assert.Equal("wait_for_completion", report.Function);
    }

    /// <summary>Scheduler code inlined or entered by preemption, and timed sleeps, are waiting too: their caller is named.</summary>
    [Theory]
    [InlineData(" context_switch kernel/sched/core.c:4940 [inline]", " __schedule+0x940/0x26f0 kernel/sched/core.c:6287")]
    [InlineData(" preempt_schedule_notrace+0x5b/0xb0", " preempt_schedule_notrace_thunk+0x1a/0x30")]
    [InlineData(" schedule_hrtimeout_range_clock+0xb5/0x120", " usleep_range_state+0x60/0x90")]
    [InlineData(" msleep+0x2c/0x38", " schedule_timeout+0xb6/0x290")]
    public void A_hung_task_in_scheduler_or_sleep_helpers_names_their_caller(string first, string second)
    {
        var report = ReportParserTests.Parse("INFO: task frobd:77 blocked for more than 120 seconds.", "Call Trace:", first, second,
            " schedule+0x37/0x80", " frob_poll+0x3c/0x120 [frob]", " process_one_work+0x1d8/0x3f0");
        Assert.Equal("frob_poll", report.Function);
    }

    /// <summary>Mail clients wrap a header right before the function it names; the function is still read.</summary>
    [Theory]
    [InlineData("BUG: KASAN: null-ptr-deref in ", "frob_hw_params+0x102/0x3d0 [frob]", "frob_hw_params")]
    [InlineData("WARNING: CPU: 0 PID: 1 at drivers/frob/core.c:2396", "frob_put+0x1b4/0x1d8 [frob]", "frob_put")]
    public void A_header_wrapped_before_its_function_names_it(string head, string tail, string function)
    {
        var report = ReportParserTests.Parse("[   78.907515] " + head, tail, "[   78.914003] Write of size 4 at addr 0000000000000044 by task arecord/2119");
        Assert.Equal(function, report.Function);
    }

    [Fact]
    public void A_vendor_arm64_pc_line_with_a_0x_address_gives_the_function()
    {
        var report = ReportParserTests.Parse("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008",
            "pc : [0xffffffe3988e81e4] frob_runtime_resume+0x1c/0x90", "lr : [0xffffffe398a848d0] pm_generic_runtime_resume+0x40/0x58");
        Assert.Equal("frob_runtime_resume", report.Function);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[   12.345678] ")]
    public void A_bad_unlock_balance_names_the_releasing_site(string stamp)
    {
        var report = ReportParserTests.Parse(new[]
        {
            "WARNING: bad unlock balance detected!",
            "5.1.0-16506-gc1c383a6f0a2-dirty #1523 Tainted: G        W",
            "-------------------------------------",
            "aplay/2954 is trying to release lock (&bus->msg_lock) at:",
            "frob_bank_switch+0x21c/0x480 [frob]",
            "but there are no more locks to release!",
        }.Select(l => stamp + l).ToArray());
        Assert.Equal("frob_bank_switch", report.Function);
    }

    /// <summary>A poster cut the report with `...`; the frames after it are still a trace.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("[  238.980841] ")]
    public void Frames_after_a_cut_are_read_without_a_call_trace_line(string stamp)
    {
        var report = ReportParserTests.Parse(new[]
        {
            "BUG: unable to handle page fault for address: 0000000000004710",
            "#PF: supervisor read access in kernel mode",
            "...",
            " frob_unregister_device.part.0+0x19/0x60",
            " 0xffffffffc0815016",
            " frob_device_remove+0x25/0xb0",
        }.Select(l => l == "..." ? l : stamp + l).ToArray());
        Assert.Equal("frob_unregister_device", report.Function);
    }
}
