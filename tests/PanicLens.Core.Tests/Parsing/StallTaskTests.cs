using PanicLens.Core.Tests.Signatures;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// kernel/rcu/tree_stall.h: a stall whose grace-period kthread is starved prints `%s kthread starved for %ld jiffies!`
/// and that kthread's sched_show_task dump (under `RCU grace-period kthread stack dump:` since 5.x), since 5.10 also
/// `Stack dump where RCU GP kthread last ran:` and dump_cpu_task of that CPU. print_cpu_stall (self-detected) prints
/// them before rcu_dump_cpu_stacks, the stalled CPU's own backtrace, which names the task the report is about;
/// print_other_cpu_stall prints them after it. The kthread's task stands only where no other task is named.
/// </summary>
public sealed class StallTaskTests
{
    /// <summary>sched_show_task's first line in three eras, for the GP kthread (running or idle).</summary>
    private static readonly string[] GpTaskLines =
    [
        "rcu_sched       R  running task    29424    10      2 0x80004000",
        "rcu_sched       I29032    10      2 0x80000000",
        "task:rcu_preempt     state:R  running task     stack:26384 pid:   14 ppid:     2 flags:0x00004000",
        "task:rcu_preempt     state:I stack:26352 pid:17    tgid:17    ppid:2      flags:0x00004000",
    ];

    /// <summary>How the stalled CPU's stack comes: an NMI backtrace, or dump_cpu_task's task dump where NMIs cannot.</summary>
    private static readonly string[][] StalledCpuDumps =
    [
        ["NMI backtrace for cpu 1", "CPU: 1 PID: 17756 Comm: systemd-udevd Not tainted 5.13.0-rc7 #0"],
        ["NMI backtrace for cpu 1", "CPU: 1 UID: 0 PID: 17756 Comm: systemd-udevd Not tainted 6.11.0 #0"],
        ["Task dump for CPU 1:", "task:systemd-udevd   state:R  running task     stack:0     pid:17756 tgid:17756 ppid:1      flags:0x00000008"],
    ];

    private static readonly string[] Envelopes =
        ["", "[   58.454313] ", "[   58.454313][    C1] ", "Jan 14 01:04:26 host kernel: [   58.454313] ", "> ", "> > [   58.454313] "];

    private static readonly string[] GpTrace =
        ["Call Trace:", " __schedule+0xb98/0x1120", " schedule+0x14b/0x200", " schedule_timeout+0x1aa/0x2c0", " rcu_gp_kthread+0x112d/0x2190", " kthread+0x39a/0x3c0"];

    private static readonly string[] StalledTrace =
        ["Call Trace:", " <IRQ>", " rcu_sched_clock_irq+0x4a4/0x8d8", " update_process_times+0x2a/0x70", " </IRQ>", " hub_event+0x1c2/0x4a0", " process_one_work+0x6a/0x3a0"];

    private static readonly string[] LastRan =
        ["rcu: Stack dump where RCU GP kthread last ran:", "NMI backtrace for cpu 0", "CPU: 0 PID: 3234 Comm: aoe_tx0 Not tainted 5.13.0-rc7 #0",
         "RIP: 0010:mark_lock+0x208/0x1eb0", "Call Trace:", " <IRQ>", " __lock_acquire+0xb66/0x6040", " </IRQ>"];

    private static IEnumerable<string> Starved(string gpTask, bool lastRan) =>
        new[]
        {
            "rcu: rcu_preempt kthread starved for 12162 jiffies! g31645 f0x0 RCU_GP_WAIT_FQS(5) ->state=0x0 ->cpu=0",
            "rcu: \tUnless rcu_preempt kthread gets sufficient CPU time, OOM is now expected behavior.",
            "rcu: RCU grace-period kthread stack dump:",
            gpTask,
        }.Concat(GpTrace).Concat(lastRan ? LastRan : []);

    public static IEnumerable<object[]> Cases() =>
        from gp in Enumerable.Range(0, GpTaskLines.Length) from dump in Enumerable.Range(0, StalledCpuDumps.Length)
        from lastRan in new[] { false, true } from envelope in Envelopes
        select new object[] { gp, dump, lastRan, envelope };

    private static CrashReport First(IEnumerable<string> lines, string envelope) =>
        Assert.IsType<CrashReport>(CorpusPipeline.Reports("usb 1-1: new device\n" + string.Concat(lines.Select(l => envelope + l + "\n"))).FirstOrDefault());

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_self_detected_stall_names_the_stalled_cpus_task_not_the_starved_kthread(int gp, int dump, bool lastRan, string envelope)
    {
        var lines = new[] { "rcu: INFO: rcu_preempt self-detected stall on CPU", "rcu: \t1-...!: (2 ticks this GP) idle=d92/1/0x4000000000000000 softirq=25390/25392 fqs=3", "\t(t=12164 jiffies g=31645 q=43226)" }
            .Concat(Starved(GpTaskLines[gp], lastRan)).Concat(StalledCpuDumps[dump]).Concat(StalledTrace);
        var report = First(lines, envelope);
        Assert.Equal("systemd-udevd", report.Process?.Comm);
        Assert.Equal(17756, report.Process?.Pid);
    }

    /// <summary>print_other_cpu_stall dumps the stalled CPUs first and the starved kthread after: the first stays.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_stall_detected_by_another_cpu_keeps_the_stalled_cpus_task(int gp, int dump, bool lastRan, string envelope)
    {
        var lines = new[] { "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:", "rcu: \t1-...!: (2 ticks this GP) idle=d92/1/0x4000000000000000 softirq=25390/25392 fqs=3", "rcu: \t(detected by 0, t=10502 jiffies, g=9045, q=1541 ncpus=2)" }
            .Concat(StalledCpuDumps[dump]).Concat(StalledTrace).Concat(Starved(GpTaskLines[gp], lastRan));
        var report = First(lines, envelope);
        Assert.Equal("systemd-udevd", report.Process?.Comm);
        Assert.Equal(17756, report.Process?.Pid);
    }

    /// <summary>Where the stalled CPU's stack is not printed (or was cut), the starved kthread is the only task named.</summary>
    public static IEnumerable<object[]> GpCases() =>
        from gp in Enumerable.Range(0, GpTaskLines.Length) from envelope in Envelopes select new object[] { gp, envelope };

    [Theory]
    [MemberData(nameof(GpCases))]
    public void Without_the_stalled_cpus_dump_the_kthread_is_the_task(int gp, string envelope)
    {
        var lines = new[] { "rcu: INFO: rcu_preempt self-detected stall on CPU", "rcu: \t1-...!: (2 ticks this GP) idle=d92/1/0x4000000000000000 softirq=25390/25392 fqs=3" }
            .Concat(Starved(GpTaskLines[gp], lastRan: false));
        var report = First(lines, envelope);
        Assert.Equal(GpTaskLines[gp].StartsWith("task:", StringComparison.Ordinal) ? "rcu_preempt" : "rcu_sched", report.Process?.Comm);
    }
}
