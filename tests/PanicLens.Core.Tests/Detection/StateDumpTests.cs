using System.Text;
using PanicLens.Detection;
using PanicLens.Knowledge;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// Dumps the kernel prints on request as well as in reports (task dumps, NMI backtraces): alone they are a report whose
/// header was not captured; asked for (sysrq-t, sysrq-l) or listed among tasks in other states they are not.
/// </summary>
public sealed class StateDumpTests
{
    private static List<CrashReport> Analyze(string text) =>
        new ReportPipeline(KnowledgeLoader.Load()).Analyze(new MemoryStream(Encoding.Latin1.GetBytes(text)), "dump").ToList();

    /// <summary>One blocked task's first line in each era of sched_show_task.</summary>
    public static TheoryData<string, string> BlockedTaskLines() => new()
    {
        { "kswapd0         D    0   279      2 0x00000000", "3.x-5.9" },
        { "flush-253:0   D ffff88083fc24300     0  1297      2 0x00000000", "2.6 x86_64 (saved pc)" },
        { "jbd2/sda1-8   D c1234567     0   345      2 0x00000000", "2.6 i386 (saved pc)" },
        { "task:kswapd0         state:D stack:    0 pid:  279 ppid:     2 flags:0x00004000", "5.10+" },
        { "task:kworker/u16:3   state:D stack:0     pid:612   tgid:612   ppid:2      flags:0x00004000", "6.x with tgid" },
    };

    private const string Frames = """
        Call Trace:
         __schedule+0x232/0x700
         schedule+0x36/0x80
         schedule_preempt_disabled+0xe/0x10
         __mutex_lock_slowpath+0x193/0x290
         mutex_lock+0x2f/0x40
         xfs_reclaim_inodes_ag+0x288/0x330 [xfs]
         xfs_reclaim_inodes_nr+0x33/0x40 [xfs]
         kthread+0x109/0x140
         ret_from_fork+0x2c/0x40
        """;

    [Theory]
    [MemberData(nameof(BlockedTaskLines))]
    public void A_blocked_task_dump_alone_is_a_hang_named_past_the_lock(string taskLine, string era)
    {
        foreach (var prefix in new[] { "", "    ", "\t", "[  123.456789] ", "Dec  3 11:42:17 host kernel: [684461.491490] " })
        {
            var log = "boot noise\n" + string.Join("\n", (taskLine + "\n" + Frames).Split('\n').Select(l => prefix + l)) + "\nlogin: \n";
            var report = Assert.Single(Analyze(log));
            Assert.True(report.Title == "INFO: task hung in xfs_reclaim_inodes_ag", $"{era} [{prefix}]: {report.Title}");
            Assert.Equal("HANG", report.Type);
            Assert.Equal("xfs_reclaim_inodes_ag", report.Function);
            Assert.Equal("xfs", report.Module);
            Assert.Equal('D', TaskDumpLine.State(taskLine));
        }
    }

    [Theory]
    [InlineData("kswapd0         S    0   279      2 0x00000000")]
    [InlineData("task:kswapd0         state:I stack:    0 pid:  279 ppid:     2 flags:0x00004000")]
    [InlineData("bash          R  running task        0  1297      2 0x00000000")]
    public void A_task_in_another_state_is_no_report(string taskLine)
    {
        Assert.NotEqual('\0', TaskDumpLine.State(taskLine));
        Assert.Empty(Analyze(taskLine + "\n" + Frames + "\n"));
    }

    [Fact]
    public void Blocked_tasks_listed_among_others_are_a_state_listing()
    {
        var sleeping = "sshd            S    0   812      1 0x00000000\n" + Frames;
        var blocked = "kswapd0         D    0   279      2 0x00000000\n" + Frames;
        Assert.Empty(Analyze(blocked + "\n" + sleeping + "\n"));
        Assert.Empty(Analyze(sleeping + "\n" + blocked + "\n"));
        Assert.Empty(Analyze("sysrq: Show State\n" + blocked + "\n" + blocked + "\n"));
        Assert.Empty(Analyze("SysRq : Show State\n" + blocked + "\n"));
    }

    [Fact]
    public void Several_blocked_tasks_in_a_row_are_one_report_and_a_line_without_trace_none()
    {
        var blocked = "kswapd0         D    0   279      2 0x00000000\n" + Frames;
        var other = "kswapd1         D    0   280      2 0x00000000\n" + Frames;
        Assert.Single(Analyze(blocked + "\n\n" + other + "\n"));
        Assert.Empty(Analyze("kswapd0         D    0   279      2 0x00000000\nsome other line\n"));
    }

    [Fact]
    public void A_task_dump_inside_a_hung_task_report_stays_in_it()
    {
        var log = """
            INFO: task kswapd0:279 blocked for more than 120 seconds.
                  Not tainted 4.10.0-40-generic #44-Ubuntu
            "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
            kswapd0         D    0   279      2 0x00000000
            """ + "\n" + Frames + "\n";
        var report = Assert.Single(Analyze(log));
        Assert.Equal("INFO: task hung in xfs_reclaim_inodes_ag", report.Title);
        Assert.Equal("4.10.0-40-generic", report.Kernel);
    }

    private const string Backtrace = """
        NMI backtrace for cpu 30
        CPU: 30 PID: 67325 Comm: kworker/u146:9 Not tainted 4.19.0-6-amd64 #1 Debian 4.19.67-2+deb10u2
        RIP: 0010:native_queued_spin_lock_slowpath+0x15f/0x190
        RSP: 0018:ffff9f787f503e18 EFLAGS: 00000046
        Call Trace:
         <IRQ>
         _raw_spin_lock_irqsave+0x32/0x40
         find_iova+0x14/0x40
         free_iova+0xe/0x20
         fq_flush_timeout+0x5f/0x90
         call_timer_fn+0x2b/0x130
         run_timer_softirq+0x3d1/0x410
         __do_softirq+0xde/0x2d8
         irq_exit+0xba/0xc0
         smp_apic_timer_interrupt+0x74/0x140
         apic_timer_interrupt+0xf/0x20
         </IRQ>
         alloc_iova+0x33/0x140
         alloc_iova_fast+0x62/0x90
        """;

    [Theory]
    [InlineData("")]
    [InlineData("[684461.491490] ")]
    [InlineData("Dec  3 11:42:17 supermicro kernel: [684461.491490] ")]
    public void An_nmi_backtrace_alone_names_where_the_interrupted_cpu_spins(string prefix)
    {
        var log = string.Join("\n", Backtrace.Split('\n').Select(l => prefix + l)) + "\n";
        var report = Assert.Single(Analyze(log));
        Assert.Equal("NMI backtrace in find_iova", report.Title);
        Assert.Equal("HANG", report.Type);
        Assert.Equal("find_iova", report.Function);
        Assert.Equal(("kworker/u146:9", 67325), (report.Process?.Comm, report.Process?.Pid));
    }

    [Fact]
    public void Nmi_backtraces_asked_for_or_inside_a_stall_are_no_report_of_their_own()
    {
        Assert.Empty(Analyze("sysrq: Show backtrace of all active CPUs\n" + Backtrace + "\n"));
        Assert.Empty(Analyze("SysRq : Show backtrace of all active CPUs\n" + Backtrace + "\n"));
        var stall = "rcu: INFO: rcu_sched detected stalls on CPUs/tasks:\nrcu: \t30-...!: (0 ticks this GP)\n"
            + "Sending NMI from CPU 7 to CPUs 30:\n" + Backtrace + "\n";
        var report = Assert.Single(Analyze(stall));
        Assert.StartsWith("INFO: rcu detected stall", report.Title);
    }

    [Fact]
    public void A_crash_during_a_state_listing_is_still_a_report()
    {
        var log = "sysrq: Show State\n" + "sshd            S    0   812      1 0x00000000\n" + Frames + "\n"
            + "Kernel panic - not syncing: Fatal exception\n";
        var report = Assert.Single(Analyze(log));
        Assert.StartsWith("kernel panic", report.Title, StringComparison.OrdinalIgnoreCase);
    }
}
