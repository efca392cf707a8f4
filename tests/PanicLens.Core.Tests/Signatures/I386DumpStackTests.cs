namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// i386 kernels to 2.6.2x printed `Call Trace:` only in an oops's stack dump (show_stack_log_lvl); dump_stack(), behind
/// WARN_ON's `WARNING: at %s:%d %s()` and `BUG: scheduling while atomic`, went straight to show_trace_log_lvl(): frames
/// ` [&lt;%08lx&gt;] sym` and a closing ` =======================` (arch/i386/kernel/traps.c). The first such frame opens the
/// trace. Varied over envelopes and `?` frames; 64-bit address columns without an opening line stay as they were.
/// </summary>
public sealed class I386DumpStackTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[18101.988000] ", "> [18101.988000] ", "Jun 22 17:17:55 fridge kernel: [18101.988000] ", "    ", "<4>[18101.988000] ",
    };

    private static string Log(string envelope, IEnumerable<string> lines) => string.Concat(lines.Select(l => envelope + l + "\n"));

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_warn_on_names_the_first_frame_of_its_unopened_trace(string envelope)
    {
        string[] lines =
        [
            "WARNING: at /root/hdpvr/v4l/cx18-queue.c:204 cx18_queue_move()",
            "Pid: 4043, comm: cx18-1-in Not tainted 2.6.24-19-generic #1",
            " [<c012a3f6>] warn_on_slowpath+0x46/0x70",
            " [<c011a4b6>] ? complete+0x46/0x60",
            " [<f0abe656>] cx18_queue_move+0x246/0x250 [cx18]",
            " [<f0abe69c>] cx18_flush_queues+0x3c/0x50 [cx18]",
            " [<c01816bd>] __fput+0xad/0x1a0",
            " =======================",
            "cx18-1: queue_move: driver bug! errant steal attempt",
        ];
        var report = CorpusPipeline.Reports(Log(envelope, lines))[0];
        Assert.True(report.Title == "WARNING in cx18_queue_move" && !report.Corrupted,
            $"`{envelope}`: `{report.Title}` corrupted {report.Corrupted} ({report.CorruptionReason})");
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Scheduling_while_atomic_names_the_first_kept_frame(string envelope)
    {
        string[] lines =
        [
            "BUG: scheduling while atomic: kdvb-fe-0/1749/0x00000002",
            "Pid: 1749, comm: kdvb-fe-0 Not tainted 2.6.25.4 #1",
            " [<c0310a3e>] schedule+0x5e/0x5c0",
            " [<c0311345>] schedule_timeout+0x45/0xb0",
            " [<f89f0c65>] dvb_usb_generic_rw+0x65/0x260 [dvb_usb]",
            " [<faa086c8>] cxusb_ctrl_msg+0xb8/0xc0 [dvb_usb_cxusb]",
            " =======================",
        ];
        var report = Assert.Single(CorpusPipeline.Reports(Log(envelope, lines)));
        Assert.True(report.Title == "BUG: scheduling while atomic in dvb_usb_generic_rw" && !report.Corrupted,
            $"`{envelope}`: `{report.Title}` corrupted {report.Corrupted} ({report.CorruptionReason})");
    }

    [Theory]
    [InlineData("[18101.988000] ")]
    [InlineData("> [18101.988000] ")]
    public void Sixty_four_bit_frames_without_an_opening_line_open_no_trace(string envelope)
    {
        string[] lines =
        [
            "WARNING: at drivers/media/x.c:204 x_queue_move()",
            "Pid: 4043, comm: x-in Not tainted 2.6.24-19-generic #1",
            " [<ffffffff8012a3f6>] warn_on_slowpath+0x46/0x70",
            " [<ffffffff80abe656>] x_queue_move+0x246/0x250",
        ];
        var report = CorpusPipeline.Reports(Log(envelope, lines))[0];
        Assert.True(report.Title == "WARNING in corrupted", $"`{envelope}`: `{report.Title}`");
    }
}
