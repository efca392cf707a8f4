using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Corpus;

/// <summary>The parser over every report the detector finds in the syzkaller corpus: invariants, and how often fields are found.</summary>
public sealed class SyzkallerParsingTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_report_parses_within_its_region_and_names_a_function_mostly()
    {
        int reports = 0, withFunction = 0, withProcess = 0, withKernel = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus("syzkaller-linux")))
        {
            var text = File.ReadAllText(file);
            int body = text.IndexOf("\n\n", StringComparison.Ordinal);
            var lines = LineReader.Read(body < 0 ? text : text[(body + 2)..]).ToList();
            foreach (var region in new CrashDetector().Detect(lines))
            {
                var report = ReportParser.Parse(file, region.Lines, region.StartLine, region.EndLine);
                reports++;
                withFunction += report.Function is null ? 0 : 1;
                withProcess += report.Process is null ? 0 : 1;
                withKernel += report.Kernel is null ? 0 : 1;
                foreach (var stack in report.Stacks)
                {
                    Assert.InRange(stack.StartLine, 0, region.EndLine);
                    Assert.All(stack.Frames, f => Assert.False(string.IsNullOrWhiteSpace(f.Function), Path.GetFileName(file)));
                }
                if (report.Code is { FaultIndex: >= 0 } code)
                    Assert.InRange(code.FaultIndex, 0, code.Bytes.Length - 1);
            }
        }
        output.WriteLine($"reports {reports}: function {withFunction}, process {withProcess}, kernel {withKernel}");
        Assert.True(withFunction * 10 >= reports * 7, $"only {withFunction} of {reports} reports name a function");
    }

    /// <summary>Real lines in random order, some cut in two and glued to another: interleaved consoles at their worst.</summary>
    [Fact]
    public void Shuffled_and_spliced_corpus_lines_never_throw()
    {
        var all = Directory.GetFiles(RepoPaths.Corpus("syzkaller-linux")).Concat(Directory.GetFiles(RepoPaths.Corpus("production")))
            .SelectMany(File.ReadLines).ToArray();
        var random = new Random(3);
        for (int i = 0; i < 500; i++)
        {
            var lines = new List<LogLine>();
            int count = random.Next(1, 200);
            for (int j = 0; j < count; j++)
            {
                var text = all[random.Next(all.Length)];
                if (random.Next(4) == 0 && text.Length > 2)
                    text = text[..random.Next(text.Length)] + text[random.Next(text.Length)..];
                lines.Add(new LogLine(j + 1, text, random.Next(3) == 0 ? "2020-01-01T00:00:00" : null, null));
            }
            var report = ReportParser.Parse("shuffled", lines, 1, count);
            Assert.All(report.Stacks, s => Assert.NotEmpty(s.Frames));
        }
    }
}
