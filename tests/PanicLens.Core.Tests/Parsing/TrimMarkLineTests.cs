using PanicLens.Core.Tests.Signatures;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// A line a person typed to trim a stamped report (`...`, `[...]`, `&lt;snip&gt;`) carries no stamp, yet it is no wrapped
/// tail of the console line before it: joined, it would spoil that line (a task line no longer ends in its pid).
/// </summary>
public sealed class TrimMarkLineTests
{
    /// <summary>Every mark the rule knows: an ellipsis or a snip word, bare, between dashes, in each kind of bracket.</summary>
    public static IEnumerable<string> Marks()
    {
        // `…` as its UTF-8 bytes, which is how a log file holds it
        string[] inner = ["...", "....", System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("…")), ".....", .. PanicLens.Parsing.TrimMarks.Words.Select(w => w.Word), "SNIP"];
        foreach (var mark in inner)
        {
            yield return mark;
            yield return $"-- {mark} --";
            yield return $"==={mark}===";
            foreach (var (open, close, _) in PanicLens.Parsing.TrimMarks.Brackets)
            {
                yield return $"{open}{mark}{close}";
                yield return $"{open} {mark} {close}";
            }
        }
    }

    public static IEnumerable<object[]> Cases() =>
        from mark in Marks()
        from stamp in new[] { "[ 3041.949116] ", "[ 3041.949116][  T130] ", "[ 3041.949116] [5:    kworker/5:1:  130] ", "Jan 14 01:04:26 host kernel: [ 3041.949116] ", "> [ 3041.949116] " }
        from task in new[]
        {
            "Read of size 8 at addr ffffff88ef60ece8 by task kworker/5:1/130",
            "CPU: 5 PID: 130 Comm: kworker/5:1 Not tainted 6.1.0 #1",
        }
        select new object[] { mark, stamp, task };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_trim_mark_after_a_task_line_leaves_it_whole(string mark, string stamp, string task)
    {
        var quote = stamp.StartsWith('>') ? "> " : "";
        var report = Assert.IsType<CrashReport>(CorpusPipeline.Reports($"""
            {stamp}BUG: KASAN: slab-use-after-free in assign_work+0xe8/0x280
            {stamp}{task}
            {quote}{mark}
            {stamp}Workqueue: usb_hub_wq hub_event
            {stamp}Call trace:
            {stamp} assign_work+0xe8/0x280
            {stamp} worker_thread+0x458/0x670
            {stamp} kthread+0x1d8/0x298
            """).FirstOrDefault());
        Assert.Equal("kworker/5:1", report.Process?.Comm);
        Assert.Equal(130, report.Process?.Pid);
    }

    [Theory]
    [InlineData("------------[ cut here ]------------")]
    [InlineData("..")]
    [InlineData("[<ffffffff81396824>] ...")]
    [InlineData("(cut here)")]
    [InlineData("---")]
    [InlineData("[   12.345678] ...")]
    public void Kernel_lines_and_other_short_text_are_no_trim_mark(string text) =>
        Assert.False(PanicLens.Parsing.TrimMarks.IsTrimMark(text));
}
