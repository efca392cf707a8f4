using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class PanicAndHypervisorTests
{
    [Fact]
    public void Seed_panic_explains_why_one_ss_run_took_the_machine_down()
    {
        var panic = new Diagnoser().Diagnose(TestReports.Seed()).Panic!;

        Assert.Equal("Fatal exception in interrupt", panic.Reason);
        Assert.Contains("bottom halves disabled", panic.Explanation);
        Assert.Contains("could not kill just the current task", panic.Explanation);
    }

    [Theory]
    [InlineData("Fatal exception", "panic_on_oops")]
    [InlineData("softlockup: hung tasks", "softlockup_panic")]
    [InlineData("hung_task: blocked tasks", "hung_task_panic")]
    [InlineData("Attempted to kill init! exitcode=0x00007f00", "PID 1")]
    [InlineData("Watchdog detected hard LOCKUP on cpu 3", "NMI watchdog")]
    [InlineData("stack-protector: Kernel stack is corrupted in: ffffffffa016087c", "canary")]
    [InlineData("Fatal Machine check", "hardware")]
    [InlineData("VFS: Unable to mount root fs on unknown-block(0,0)", "root filesystem")]
    [InlineData("panic_on_warn set ...", "panic_on_warn")]
    public void Panic_reasons_are_explained(string reason, string expected)
    {
        var row = PanicReasons.Find(reason);

        Assert.NotNull(row);
        Assert.Contains(expected, row.Explanation);
    }

    [Fact]
    public void Fatal_exception_in_interrupt_is_not_mistaken_for_plain_fatal_exception()
    {
        Assert.Contains("interrupt context", PanicReasons.Find("Fatal exception in interrupt")!.Explanation);
        Assert.DoesNotContain("interrupt context", PanicReasons.Find("Fatal exception")!.Explanation);
    }

    [Fact]
    public void Seed_xen_outcome_says_the_host_stays_down_until_power_cycled()
    {
        var hypervisor = new Diagnoser().Diagnose(TestReports.Seed()).Hypervisor!;

        Assert.Contains("power-cycles", hypervisor.Outcome);
        Assert.Equal("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.", hypervisor.Line);
    }

    [Fact]
    public void The_last_recognised_hypervisor_line_decides()
    {
        var outcome = HypervisorOutcomes.Find([
            "(XEN) Panic on CPU 0:",
            "(XEN) FATAL TRAP: vector = 2 (nmi)",
            "(XEN) Manual reset required ('noreboot' specified)",
        ])!;

        Assert.Contains("manual reset", outcome.Outcome, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_hypervisor_lines_give_no_outcome() => Assert.Null(HypervisorOutcomes.Find([]));
}
