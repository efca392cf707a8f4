using PanicLens.Core.Tests.Signatures;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// The kernel prints `INFO:` at a few sites with fixed wordings (<see cref="InfoForms"/>): hung_task.c, the RCU stall
/// warnings, old lockdep banners, SLUB's trail. Other `INFO:` text (syzbot's titles in mail prose and subjects, a test
/// harness's progress lines, also when written to /dev/kmsg and stamped) opens no report. Each case runs under several
/// prefixes and before a real report of another era.
/// </summary>
public sealed class InfoFormTests
{
    private static readonly string[] PrefixStyles =
    [
        "", "[  978.788878] ", "> ", "Nov 12 10:00:01 host kernel: [  978.788878] ", "<3>[   44.262806] ", "kern  :err   : [  372.663449] ",
    ];

    public static TheoryData<string> Prefixes => new(PrefixStyles);

    private static List<CrashReport> Reports(string log, string prefix) =>
        CorpusPipeline.Reports(string.Join("\n", log.Split('\n').Select(line => prefix + line)));

    [Theory]
    [InlineData("INFO: task kworker/0:1:123 blocked for more than 120 seconds.", true)]
    [InlineData("INFO: task syz-executor.3:10123 blocked for more than 143 seconds.", true)]
    [InlineData("INFO: task Web Content:4471 blocked for more than 120 seconds.", true)]
    [InlineData("INFO: task systemd-shutdow:1 is blocked on a mutex likely owned by task kworker/u8:2:51.", true)]
    [InlineData("INFO: task java:2001 can't die for more than 143 seconds.", true)]
    [InlineData("INFO: rcu_sched detected stalls on CPUs/tasks:", true)]
    [InlineData("rcu: INFO: rcu_preempt self-detected stall on CPU", true)]
    [InlineData("INFO: rcu_tasks detected stalls on tasks:", true)]
    [InlineData("INFO: RCU detected CPU 2 stall (t=4294952051/2500 jiffies)", true)]
    [InlineData("[ INFO: possible circular locking dependency detected ]", true)]
    [InlineData("[ INFO: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected ]", true)]
    [InlineData("INFO: trying to register non-static key.", true)]
    [InlineData("INFO: suspicious RCU usage.", true)]
    [InlineData("INFO:", true)]
    [InlineData("INFO: task hung in usb_register_dev", false)]
    [InlineData("INFO: task hung in ath6kl_usb_destroy (3)", false)]
    [InlineData("INFO: task can't die in __lock_sock", false)]
    [InlineData("INFO: rcu detected stall in dummy_timer", false)]
    [InlineData("INFO: creating /lkp/benchmarks/ltp/output directory", false)]
    [InlineData("INFO: ltp-pan reported some tests FAIL", false)]
    [InlineData("Subject: Re: INFO: task hung in ath6kl_usb_power_off", false)]
    public void Only_the_kernels_own_info_lines_open_a_report(string line, bool opens)
    {
        HeaderForms.AssertOpens(line, opens, PrefixStyles);
    }

    private const string HungTask = """
        INFO: task kworker/1:2:5310 blocked for more than 143 seconds.
              Not tainted 5.10.0-rc7-syzkaller #0
        "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
        task:kworker/1:2     state:D stack:27888 pid: 5310 ppid:     2 flags:0x00004000
        Call Trace:
         context_switch kernel/sched/core.c:3779 [inline]
         __schedule+0x8cd/0x2150 kernel/sched/core.c:4528
         schedule+0xcf/0x270 kernel/sched/core.c:4606
         remove_proc_subtree+0x1b5/0x3a0 fs/proc/generic.c:737
         process_one_work+0x933/0x15a0 kernel/workqueue.c:2272
        """;

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_syzbot_title_above_the_console_text_is_no_report_of_its_own(string prefix)
    {
        foreach (var title in new[] { "INFO: task hung in remove_proc_subtree", "INFO: rcu detected stall in remove_proc_subtree" })
        {
            var report = Assert.Single(Reports(title + "\n\n" + HungTask, prefix));
            Assert.Equal("INFO: task hung in remove_proc_subtree", report.Title);
            Assert.Equal(3, report.StartLine);
            Assert.Equal("kworker/1:2", report.Process?.Comm);
        }
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Harness_progress_between_reports_joins_none(string prefix)
    {
        var log = "INFO: creating /lkp/benchmarks/ltp/output directory\nINFO: creating /lkp/benchmarks/ltp/results directory\n"
            + HungTask + "INFO: ltp-pan reported some tests FAIL\n";
        var report = Assert.Single(Reports(log, prefix));
        Assert.Equal(3, report.StartLine);
    }

    [Theory]
    [InlineData("INFO: task syz.1.25", "\t\u00ff:18088 blocked for more than 143 seconds.", true)]
    [InlineData("INFO: task a", ":7 can't die for more than 143 seconds.", true)]
    [InlineData("INFO: task a", "b:7 blocked for more than 143 seconds.", true)]
    [InlineData("INFO: task hung in sync", "Call Trace:", false)]
    [InlineData("INFO: task hung in x", "see the 7 blocked for more than 143 seconds", false)]
    public void A_comm_cut_by_a_newline_goes_on_with_its_pid_on_the_next_line(string first, string second, bool opens)
    {
        foreach (var prefix in PrefixStyles)
        {
            var regions = new CrashDetector().Detect(LineReader.Read(prefix + first + "\n" + prefix + second)).ToList();
            Assert.True(opens == (regions.Count == 1 && regions[0].StartLine == 1), $"`{prefix + first}`: {regions.Count} reports");
        }
    }
}
