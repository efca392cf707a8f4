namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// A report quoted in a reply and re-wrapped by the replier's client at its width: the tail of a stamped line comes on a
/// line of its own behind the same quote marks and without a stamp, once or twice. Each case runs under every stamp of
/// <see cref="WrappedHeaderTests.Stamps"/> and every quoting (none, `> `, `>> `, `> > `, `>` glued).
/// </summary>
public sealed class RewrappedQuoteTests
{
    private static readonly string[] Quotes = ["", "> ", ">> ", "> > ", ">"];

    public static TheoryData<string, string> StampsAndQuotes()
    {
        var data = new TheoryData<string, string>();
        foreach (var stamp in WrappedHeaderTests.Stamps)
            foreach (var quote in Quotes)
                data.Add(stamp, quote);
        return data;
    }

    /// <summary>Lines starting with `+` are wrapped tails: quoted but unstamped; the others get the stamp too.</summary>
    private static string Log(string stamp, string quote, params string[] lines) =>
        string.Join("\n", lines.Select(l => l.StartsWith('+') ? quote + l[1..] : quote + stamp + l)) + "\n";

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void A_header_whose_head_alone_matches_a_looser_format_is_titled_whole(string stamp, string quote)
    {
        var kcsan = Log(stamp, quote, "BUG: KCSAN: data-race in find_next_bit /", "+rcu_report_exp_cpu_mult", "",
            "write to 0xffffffff85a7f140 of 8 bytes by task 7 on cpu 0:", " rcu_report_exp_cpu_mult+0x4f/0xa0",
            " rcu_report_exp_rdp+0x6c/0x90", "", "read to 0xffffffff85a7f140 of 8 bytes by task 6252 on cpu 1:",
            " find_next_bit+0x57/0xe0", " sync_rcu_exp_select_node_cpus+0x28e/0x510");
        Assert.Equal("KCSAN: data-race in find_next_bit / rcu_report_exp_cpu_mult", CorpusPipeline.Reports(kcsan)[0].Title);
        var stackEnd = Log(stamp, quote, "Kernel panic - not syncing: corrupted stack end detected", "+inside scheduler",
            "CPU: 1 PID: 11718 Comm: dbus-daemon Not tainted 4.20.0-rc2+ #1", "Call Trace:", " dump_stack+0x1/0x2",
            " panic+0x1/0x2", " __schedule+0x1/0x2", " schedule+0x1/0x2", " do_nanosleep+0x1/0x2", " __x64_sys_nanosleep+0x1/0x2",
            " do_syscall_64+0x1/0x2");
        Assert.Equal("kernel panic: corrupted stack end in sys_nanosleep", CorpusPipeline.Reports(stackEnd)[0].Title);
    }

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void A_header_wrapped_twice_is_titled_whole(string stamp, string quote)
    {
        var log = Log(stamp, quote, "BUG: unable to handle", "+kernel", "+NULL pointer dereference at 0000000000000832",
            "IP: i40e_get_phys_port_id+0x1c/0x50 [i40e]", "PGD 0 P4D 0", "Oops: 0000 [#1] SMP PTI",
            "CPU: 3 PID: 2401 Comm: ntpd Not tainted 5.1.12 #1", "Call Trace:", " dev_get_phys_port_id+0x1f/0x30",
            " rtnl_fill_ifinfo+0x4b2/0x10e0", " rtnl_dump_ifinfo+0x2b1/0x380");
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in i40e_get_phys_port_id", report.Title);
    }

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void A_task_dump_line_cut_before_its_flags_word_still_names_the_task(string stamp, string quote)
    {
        foreach (var (head, comm, pid) in new[]
        {
            ("syz-executor0   R  running task    21280  7720   5511", "syz-executor0", 7720),
            ("kworker/u4:2    R  running task        0    32      2", "kworker/u4:2", 32),
        })
        {
            var log = Log(stamp, quote, "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:",
                "rcu: \t(detected by 1, t=10502 jiffies, g=9981, q=283)", head, "+0x00000000", "Call Trace:", " <IRQ>",
                " sched_show_task+0x2b6/0x30a", " rcu_check_callbacks+0xa83/0xba5", " update_process_times+0x2d/0x70",
                " </IRQ>", " kvm_vcpu_ioctl+0x1/0x2");
            var report = CorpusPipeline.Reports(log)[0];
            Assert.Equal((comm, pid), (report.Process?.Comm, report.Process?.Pid));
        }
    }

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void Frames_cut_after_their_address_column_read_as_the_whole_frames(string stamp, string quote)
    {
        string[] lines =
        [
            "WARNING: CPU: 1 PID: 4085 at kernel/locking/lockdep.c:3190 __lock_acquire+0x23b3/0x4b50()",
            "DEBUG_LOCKS_WARN_ON(id >= MAX_LOCKDEP_KEYS)", "Kernel panic - not syncing: panic_on_warn set ...",
            "CPU: 1 PID: 4085 Comm: syzkaller160734 Not tainted 4.4.107-g79f138a #2", "Call Trace:",
            " [<ffffffff81d03a1d>] dump_stack+0xc1/0x124", " [<ffffffff81416dca>] panic+0x1aa/0x388",
            " [<ffffffff81416c20>] ?", "+percpu_up_read.constprop.46+0xe1/0xe1",
            " [<ffffffff8112ad95>] warn_slowpath_common+0x125/0x140", " [<ffffffff812361f3>] __lock_acquire+0x23b3/0x4b50",
            " [<ffffffff81233e40>] ?", "+debug_check_no_locks_freed+0x2c0/0x2c0", " [<ffffffff8123a1fe>] lock_acquire+0x15e/0x460",
            " [<ffffffff8376f89e>]", "+_raw_write_lock_irqsave+0x4e/0x70", " [<ffffffff825b46c9>] sg_remove_request+0x69/0x110",
            " [<ffffffff825b4cd5>] sg_finish_rem_req+0x295/0x340",
        ];
        AssertReadAsWhole(stamp, quote, lines, "WARNING: locking bug in sg_remove_request");
    }

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void Lockdep_lines_cut_after_at_and_the_address_read_as_whole(string stamp, string quote)
    {
        string[] lines =
        [
            "======================================================", "WARNING: possible circular locking dependency detected",
            "4.15.0+ #221 Not tainted", "------------------------------------------------------",
            "syz-executor5/5807 is trying to acquire lock:", " (sk_lock-AF_INET){+.+.}, at: [<0000000046bbd7df>]",
            "+do_ip_setsockopt.isra.12+0x1d9/0x3210", "", "but task is already holding lock:",
            " (rtnl_mutex){+.+.}, at: [<00000000366b10e7>]", "+rtnl_lock+0x17/0x20", "",
            "which lock already depends on the new lock.", "", "the existing dependency chain (in reverse order) is:", "",
            "-> #1 (rtnl_mutex){+.+.}:", "       __mutex_lock+0x16f/0x1a80", "       rtnl_lock+0x17/0x20",
            "       ip_setsockopt+0x97/0xa0", "", "-> #0 (sk_lock-AF_INET){+.+.}:", "       lock_acquire+0x1d5/0x580",
            "       lock_sock_nested+0xc2/0x110", "       do_ip_setsockopt.isra.12+0x1d9/0x3210", "       ip_setsockopt+0x3a/0xa0",
            "", "other info that might help us debug this:",
        ];
        AssertReadAsWhole(stamp, quote, lines, "possible deadlock in do_ip_setsockopt");
    }

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void Arm_frames_cut_after_from_or_its_address_read_as_whole(string stamp, string quote)
    {
        string[] lines =
        [
            "Kernel panic - not syncing: remoteproc remoteproc0: crashed",
            "CPU: 2 PID: 5590 Comm: kworker/2:0 Tainted: G        W       4.4.60 #0", "Hardware name: Generic DT based system",
            "[<8021e86c>] (unwind_backtrace) from [<8021b404>]", "+(show_stack+0x10/0x14)",
            "[<8021b404>] (show_stack) from [<803dd818>] (dump_stack+0x7c/0x9c)",
            "[<803dd818>] (dump_stack) from [<80225d80>]", "+(panic+0x84/0x1f8)",
            "[<80225d80>] (panic) from [<80555278>]", "+(rproc_crash_handler_work+0x90/0x98)",
            "[<80555278>] (rproc_crash_handler_work) from", "+[<802380e8>] (process_one_work+0x1c0/0x2f8)",
            "[<802380e8>] (process_one_work) from [<80238d24>]", "+(worker_thread+0x2b0/0x3ec)",
            "[<80238d24>] (worker_thread) from [<8023cf84>] (kthread+0xd8/0xec)",
        ];
        AssertReadAsWhole(stamp, quote, lines, "kernel panic: remoteproc remoteproc0: crashed");
    }

    [Theory]
    [MemberData(nameof(StampsAndQuotes))]
    public void Ppc_frames_cut_after_their_two_columns_read_as_whole(string stamp, string quote)
    {
        string[] lines =
        [
            "kernel BUG at mm/hugetlb.c:490!", "Oops: Exception in kernel mode, sig: 5 [#1]",
            "CPU: 54 PID: 14355 Comm: hugemmap06 Tainted: G           O      5.6.0-rc2-next-20200217 #1",
            "NIP:  c00000000040d22c LR: c00000000040d210 CTR: 0000000000000000", "NIP [c00000000040d22c] region_add+0x11c/0x3a0",
            "LR [c00000000040d210] region_add+0x100/0x3a0", "Call Trace:",
            "[c0000014b71ef8f0] [c00000000040d210]", "+region_add+0x100/0x3a0 (unreliable)",
            "[c0000014b71ef9b0] [c00000000040e0c8]", "+__vma_reservation_common+0x148/0x210",
            "[c0000014b71efa20] [c0000000004132a0] alloc_huge_page+0x350/0x830",
            "[c0000014b71efad0] [c0000000004168f8]", "+hugetlb_no_page+0x158/0xcb0", "Instruction dump:",
        ];
        AssertReadAsWhole(stamp, quote, lines, "kernel BUG in region_add");
    }

    /// <summary>The report of <paramref name="lines"/> (tails marked `+`) reads as that of the same lines unwrapped.</summary>
    private static void AssertReadAsWhole(string stamp, string quote, string[] lines, string title)
    {
        var whole = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith('+'))
                whole[^1] += " " + line[1..];
            else
                whole.Add(line);
        }
        var want = CorpusPipeline.Reports(Log(stamp, quote, [.. whole]))[0];
        var got = CorpusPipeline.Reports(Log(stamp, quote, lines))[0];
        Assert.Equal(title, want.Title);
        Assert.Equal((want.Title, want.Function), (got.Title, got.Function));
        Assert.Equal(want.Frames.Select(f => (f.Function, f.Reliable)), got.Frames.Select(f => (f.Function, f.Reliable)));
    }
}
