using BenchmarkDotNet.Attributes;
using PanicLens.Detection;
using PanicLens.Parsing;
using PanicLens.Signatures;

namespace PanicLens.Bench;

/// <summary>
/// Parse + title of every report the detector finds in the syzkaller corpus; results are per report
/// (OperationsPerInvoke = number of reports). Issue 3 asks for a median under 50 µs.
/// </summary>
[MemoryDiagnoser]
public class ParseAndTitleBenchmark
{
    private List<CrashRegion> regions = [];

    [GlobalSetup]
    public void Setup()
    {
        regions = CorpusReports.Load();
        // Compile every table's patterns outside the timed runs.
        ParseAndTitle();
    }

    /// <summary>Reports in the corpus (several logs hold more than one); BenchmarkDotNet divides by this.</summary>
    public const int Reports = 540;

    [Benchmark(OperationsPerInvoke = Reports)]
    public int ParseAndTitle()
    {
        var n = 0;
        for (var i = 0; i < Reports; i++)
        {
            var region = regions[i % regions.Count];
            var report = ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine);
            TitleBuilder.Apply(report);
            n += report.Title.Length;
        }
        return n;
    }
}
