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
    private static readonly Regex FrameLine = new(FramePatterns.FrameLine, RegexOptions.CultureInvariant);

    [Fact]
    public void Every_corpus_line_reads_as_the_patterns_say()
    {
        var lines = 0;
        var frames = 0;
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Corpus("syzkaller-linux")))
            foreach (var line in CorpusLines(path))
            {
                lines++;
                var frame = FrameLine.Match(line);
                Assert.True(frame.Success == StackLines.TryReadFrame(line, out var name), $"{Path.GetFileName(path)}: `{line}`");
                if (frame.Success)
                {
                    Assert.Equal(frame.Groups[1].Value, name);
                    frames++;
                }
            }
        // The corpus is full of frames: a reader that never says yes would not pass the comparison vacuously.
        Assert.True(frames > 10000, $"{lines} lines, {frames} frames");
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
