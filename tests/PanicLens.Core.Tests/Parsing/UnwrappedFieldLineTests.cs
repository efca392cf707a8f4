using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// dump_stack_print_info prints `Hardware name: %s` and the task line with `Tainted: FLAGS RELEASE`; a mail client that
/// re-flows a paste puts other text in front of them (`... #22 Hardware name: linux,dummy-virt (DT)`), and a cut task
/// line may keep only `PID: N Tainted: ...`. The hardware, the taint and the release are read there too, under several
/// envelopes; text that only mentions taint is not.
/// </summary>
public sealed class UnwrappedFieldLineTests
{
    public static TheoryData<string> Envelopes => new() { "", "> ", "[   12.000000] ", "    " };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_hardware_name_behind_other_text_is_read(string envelope)
    {
        var log = string.Join("\n", new[]
        {
            "Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008",
            "Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP",
            "CPU: 1 PID: 60 Comm: kworker/1:1 Not tainted",
            "6.10.0-rc4-00217-g35bb670d65fc-dirty #22 Hardware name: linux,dummy-virt (DT)",
            "pc : hci_uart_write_work+0x24/0x1a0",
        }.Select(l => envelope + l)) + "\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("linux,dummy-virt (DT)", report.Hardware);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Taint_and_release_after_a_task_line_cut_before_comm_are_read(string envelope)
    {
        var log = string.Join("\n", new[]
        {
            "WARNING: CPU: 0 PID: 5929 at drivers/usb/core/hcd.c:1582 usb_hcd_submit_urb+0x1/0x2",
            "CPU: 0 PID: 5929 Tainted: G S   W   5.4.96-arm64-desktop #1",
            "pc : usb_hcd_submit_urb+0x1/0x2",
        }.Select(l => envelope + l)) + "\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("G S W", report.Taint);
        Assert.Equal("5.4.96-arm64-desktop", report.Kernel);
    }

    [Fact]
    public void Prose_about_taint_gives_no_taint()
    {
        var log = "WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2\nthe kernel said it was Tainted: but we do not know\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Null(report.Kernel);
    }
}
