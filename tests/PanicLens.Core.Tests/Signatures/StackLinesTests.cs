using System.Text;
using System.Text.RegularExpressions;
using PanicLens.Signatures;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// The hand-written line readers of <see cref="StackLines"/> must say what their defining patterns in
/// <see cref="FramePatterns"/> say, on crafted lines and on every line of the syzkaller corpus.
/// </summary>
public class StackLinesTests
{
    private static readonly Regex Questionable = new(FramePatterns.Questionable, RegexOptions.CultureInvariant);
    private static readonly Regex FrameLine = new(FramePatterns.FrameLine, RegexOptions.CultureInvariant);

    [Theory]
    [InlineData(" [<ffffffff81234567>] ? do_sys_open+0x1a/0x2b", true)]
    [InlineData(" ? entry_SYSCALL_64+0x1c/0x40", true)]
    [InlineData(" ?  __schedule.isra.0+0x10/0x20 [mod]", true)]
    [InlineData(" ? f+0x1/1", true)]
    [InlineData(" ? f+0x1/0x", true)]
    [InlineData(" ?f+0x1/0x2", false)]
    [InlineData(" ? f+0x/0x2", false)]
    [InlineData(" ? f+0x1", false)]
    [InlineData(" ? f+0x1/", false)]
    [InlineData(" ? f+0xA/0x2", false)]
    [InlineData(" ? +0x1/0x2", false)]
    [InlineData(" ? ? f+0x1/0x2", true)]
    [InlineData("what? no ? f-0x1/0x2 ? g+0x3/0x4", true)]
    [InlineData("", false)]
    [InlineData(" ?", false)]
    public void Questionable_frames_read_as_the_pattern_says(string line, bool expected)
    {
        Assert.Equal(expected, Questionable.IsMatch(line));
        Assert.Equal(expected, StackLines.IsQuestionable(line));
    }

    [Fact]
    public void Every_corpus_line_reads_as_the_patterns_say()
    {
        var lines = 0;
        var questionable = 0;
        var frames = 0;
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Corpus("syzkaller-linux")))
            foreach (var line in CorpusLines(path))
            {
                lines++;
                var isQuestionable = Questionable.IsMatch(line);
                Assert.True(isQuestionable == StackLines.IsQuestionable(line), $"{Path.GetFileName(path)}: `{line}`");
                questionable += isQuestionable ? 1 : 0;
                var frame = FrameLine.Match(line);
                Assert.True(frame.Success == StackLines.TryReadFrame(line, out var name), $"{Path.GetFileName(path)}: `{line}`");
                if (frame.Success)
                {
                    Assert.Equal(frame.Groups[1].Value, name);
                    frames++;
                }
            }
        // The corpus is full of both shapes: a reader that never says yes would not pass the comparison vacuously.
        Assert.True(questionable > 1000 && frames > 10000, $"{lines} lines, {questionable} questionable, {frames} frames");
    }

    /// <summary>The raw lines and the same lines with their console prefixes stripped, as the readers meet them.</summary>
    private static IEnumerable<string> CorpusLines(string path)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        foreach (var line in text.Split('\n'))
            yield return line;
        foreach (var line in PanicLens.Ingest.LineReader.Read(text))
            yield return line.Text;
    }
}
