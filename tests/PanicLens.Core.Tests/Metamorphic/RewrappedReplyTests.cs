using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// Every corpus log re-wrapped at 76 columns as a replier's client does (<see cref="ReplyQuotes.Rewrap"/>), quoted with
/// `> ` and unquoted. Not every wrap can be undone yet (a wrapped line in an unstamped log looks like any other line),
/// so this is a floor that may only rise: the counts measured when the re-wrap rules were written.
/// </summary>
public sealed class RewrappedReplyTests(ITestOutputHelper output)
{
    private const int Width = 76;

    /// <summary>
    /// 2026-12-04, of 592 logs: 531 quoted, 529 unquoted (532 and 530 after the INFO:/kernel BUG form rules; 530 and 529
    /// before them; 477 and 473 before that day's re-wrap rules). The one lost with die()'s GPF form (syzkaller/224) read
    /// as its original only because the syzbot title in its `TITLE:` line opened a report that swallowed the real one; the
    /// real header, `...user memory accessgeneral protection fault: 0000`, glued to kasan's message, is cut by the wrap
    /// to `accessgeneral ...` on a bare line: 6 glued characters are no lost newline (HeaderScanner.MinGluedLength).
    /// </summary>
    [Theory]
    [InlineData("> ", 531)]
    [InlineData("", 529)]
    public void Re_wrapped_logs_read_as_their_original_no_less_often_than_measured(string marks, int floor)
    {
        var passed = 0;
        foreach (var log in CorpusLog.All)
        {
            var want = Outcome.Of(log.Text);
            var diff = Outcome.Of(string.Join('\n', log.Lines().SelectMany(l => ReplyQuotes.Rewrap(marks, l, Width)))).Differences(want);
            if (diff.Length == 0)
                passed++;
            else
                output.WriteLine($"{log.Name}: {diff}");
        }
        output.WriteLine($"re-wrapped at {Width} behind '{marks}': {passed}/{CorpusLog.All.Count} read as the original");
        Assert.True(passed >= floor, $"{passed}/{CorpusLog.All.Count} read as the original, fewer than the {floor} measured");
    }
}
