using System.Text;
using PanicLens.Mining.Checking;
using PanicLens.Model;

namespace PanicLens.Mining.Tests;

public sealed class CauseNamerTests
{
    private static Evidence First(string line, EvidenceKind kind) => EvidenceReader.Read(line, 1).First(e => e.Kind == kind);

    [Fact]
    public void Prefix_shape_masks_letters_and_digits_and_shows_bytes_past_ascii()
    {
        const string line = "mai 17 10:22:54 hyperion kernel: [\u00c2\u00a0 12.5] BUG: x";
        Assert.Equal("prefix `a 9 9:9:9 a a: [\\xC2\\xA0 9.9] `", CauseNamer.Prefix(line, line.IndexOf("BUG", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("> [ 1.0] BUG: kernel NULL pointer dereference", "header `BUG:` behind prefix `[ 9.9] `")]
    [InlineData(">> > +# Oops: 0000 [#1] PREEMPT SMP NOPTI", "header `Oops` behind prefix `+# `")]
    [InlineData("  >>[ 1.0] BUG: kernel NULL pointer dereference", "header `BUG:` behind prefix `[ 9.9] `")]
    [InlineData("> > BUG: kernel NULL pointer dereference", "crash text mail-quoted with `>`, header `BUG:`")]
    [InlineData("h63 kernel: Internal error: Oops: 96000004 [#1] SMP", "header `Internal error:` behind prefix `a9 a: `")]
    [InlineData("WARNING: kernel/locking/lockdep.c:238 at __lock_acquire+0x384/0x30a4, CPU#1: khidpd/6710", "`WARNING: file.c:123 at func, CPU#N: comm/pid` (the newer __warn format)")]
    [InlineData("WARNING: CPU: 1 PID: 285 at", "`WARNING: CPU: N PID: N at` header wrapped: `file:line` or the function on the next line")]
    [InlineData("Unable to handle kernel paging request at virtual address 6b6b6dd7", "plain crash text, header `Unable to handle kernel`")]
    public void Missed_crashes_are_grouped_by_how_the_header_is_written(string line, string cause) =>
        Assert.Equal(cause, CauseNamer.Header(First(line, EvidenceKind.Header)));

    [Fact]
    public void A_task_line_wrapped_after_Comm_is_named_so()
    {
        var text = new MailText(Encoding.Latin1.GetBytes("CPU: 1 PID: 1787 Comm:\nrtcwake Not tainted 5.10.0 #1\n"));
        Assert.Equal("task line `CPU: PID: Comm:` wrapped right after `Comm:`", CauseNamer.Task(First(text[1], EvidenceKind.Task), text));
    }

    [Fact]
    public void Html_escaped_frames_are_named_before_their_arm_form()
    {
        var text = new MailText(Encoding.Latin1.GetBytes(
            "Kernel panic - not syncing: VFS: Unable to mount root fs\nCPU: 1 PID: 1 Comm: swapper/0 Not tainted 4.19.253 #1\n" +
            "[&lt;c010f61c&gt;] (unwind_backtrace) from [&lt;c010b48c&gt;] (show_stack+0x10/0x14)\n" +
            "[&lt;c010b48c&gt;] (show_stack) from [&lt;c07a8ee0&gt;] (dump_stack+0x88/0xa8)\n"));
        var report = new CrashReport { Source = "m", StartLine = 1, EndLine = 4, Lines = [], Title = "kernel panic: VFS: Unable to mount root fs" };
        var frames = new EvidenceIndex(text).All.Where(e => e.Kind == EvidenceKind.Frame).ToList();
        Assert.Equal("text HTML-escaped by a CI mailer (`[&lt;c010f61c&gt;]`, `&#39;`)", CauseNamer.Function(frames[0], report, text, frames));
    }

    [Theory]
    [InlineData("> ")]
    [InlineData(">> ")]
    [InlineData("> > ")]
    [InlineData(">")]
    public void Quoted_frames_are_grouped_by_what_stands_behind_the_quote_marks(string marks)
    {
        var text = new MailText(Encoding.Latin1.GetBytes(string.Join('\n',
            new[] { "[ 5.1] WARNING: CPU: 1 PID: 9 at drivers/x.c:12 foo+0x1/0x2", "[ 5.1] Call Trace:", "[ 5.1]  bar+0x1/0x2", "[ 5.1] ...",
                "[ 5.1]  baz+0x1/0x2", "[ 5.1]  qux+0x1/0x2", "[ 5.1]  quux+0x1/0x2", "[ 5.1]  corge+0x1/0x2" }.Select(l => marks + l)) + "\n"));
        var report = new CrashReport { Source = "m", StartLine = 1, EndLine = 8, Lines = [], Title = "WARNING in corrupted" };
        var frames = new EvidenceIndex(text).All.Where(e => e.Kind == EvidenceKind.Frame).ToList();
        Assert.Equal("report trimmed by the poster with `...` lines", CauseNamer.Function(frames[^1], report, text, frames));
    }
}
