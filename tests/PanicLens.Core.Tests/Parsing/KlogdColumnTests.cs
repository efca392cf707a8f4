using PanicLens.Core.Tests.Signatures;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// sysklogd's klogd rewrote each `[&lt;address&gt;]` column from System.map before syslog saw it (ksym.c ExpandKadds: the symbol
/// and `+%d/%d`, `+0x%x/0x%02x` in later forks, between the brackets): `[driver_probe_device+163/432] driver_probe_device+0xa3/0x1b0`.
/// The column stands for the address; the kernel's own symbol after it is the frame. Varied over both number forms, `?`,
/// modules and envelopes; bracketed driver prefixes are no column.
/// </summary>
public sealed class KlogdColumnTests
{
    [Theory]
    [InlineData(" [driver_probe_device+163/432] driver_probe_device+0xa3/0x1b0", "driver_probe_device", null, true)]
    [InlineData(" [__driver_attach+0x0/0xd0] ? __driver_attach+0x0/0xd0", "__driver_attach", null, false)]
    [InlineData(" [schedule_timeout_uninterruptible+10/32] __mutex_lock_interruptible_slowpath+0x1a/0xc0", "__mutex_lock_interruptible_slowpath", null, true)]
    [InlineData(" [dvb_usb_generic_rw+101/608] dvb_usb_generic_rw+0x65/0x260 [dvb_usb]", "dvb_usb_generic_rw", "dvb_usb", true)]
    public void A_klogd_column_stands_for_the_address(string line, string function, string? module, bool reliable) =>
        ParsedFrameAssert.Reads(line, function, module, reliable);

    [Theory]
    [InlineData("[drm:intel_cpu_fifo_underrun_irq_handler [i915]] *ERROR* CPU pipe A FIFO underrun")]
    [InlineData(" [sym+12] other+0x1/0x2")]
    [InlineData(" [sym+12/34]")]
    [InlineData(" [sym+12/34]other+0x1/0x2 trailing words")]
    public void Other_bracketed_words_are_no_column(string line) =>
        Assert.False(FrameParser.TryParseFrame(line, out _), line);

    [Theory]
    [InlineData("")]
    [InlineData("Feb 21 18:05:31 localhost kernel: ")]
    [InlineData("> Feb 21 18:05:31 localhost kernel: [20348.042010] ")]
    [InlineData("[20348.042010] ")]
    public void A_klogd_rewritten_trace_names_the_report(string envelope)
    {
        string[] lines =
        [
            "BUG: unable to handle kernel NULL pointer dereference at virtual address 00000004",
            " printing eip:",
            "c02bd2c5",
            "*pde = 00000000",
            "Oops: 0000 [#1]",
            "EIP:    0060:[<c02bd2c5>]    Not tainted VLI",
            "EIP is at strlen+0x5/0x20",                   // a string helper the convention skips: the trace names the report
            "Call Trace:",
            " [strlen+5/32] ? strlen+0x5/0x20",
            " [saa7134_board_init2+221/1408] saa7134_board_init2+0xdd/0x580 [saa7134]",
            " [driver_probe_device+163/432] driver_probe_device+0xa3/0x1b0",
            " [__driver_attach+201/208] __driver_attach+0xc9/0xd0",
        ];
        var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
        Assert.True(report.Title == "BUG: unable to handle kernel NULL pointer dereference in saa7134_board_init2",
            $"`{envelope}`: `{report.Title}`");
    }
}
