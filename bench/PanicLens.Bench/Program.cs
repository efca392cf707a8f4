using System.Diagnostics;
using BenchmarkDotNet.Running;
using PanicLens.Bench;
using PanicLens.Parsing;
using PanicLens.Signatures;

// `--median`: time each corpus report on its own (best of 20 runs) and print the median and the slowest;
// anything else goes to BenchmarkDotNet (e.g. `--filter *`).
if (args is ["--median"])
{
    var regions = CorpusReports.Load();
    var times = new List<(double Micros, int Index)>();
    var parse = new List<double>();
    var title = new List<double>();
    for (var i = 0; i < regions.Count; i++)
    {
        double best = double.MaxValue, bestParse = double.MaxValue, bestTitle = double.MaxValue;
        for (var run = 0; run < 20; run++)
        {
            var start = Stopwatch.GetTimestamp();
            var report = ReportParser.Parse("bench", regions[i].Lines, regions[i].StartLine, regions[i].EndLine);
            var parsed = Stopwatch.GetTimestamp();
            TitleBuilder.Apply(report);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            bestParse = Math.Min(bestParse, Stopwatch.GetElapsedTime(start, parsed).TotalMicroseconds);
            bestTitle = Math.Min(bestTitle, Stopwatch.GetElapsedTime(parsed).TotalMicroseconds);
        }
        times.Add((best, i));
        parse.Add(bestParse);
        title.Add(bestTitle);
    }
    times.Sort();
    parse.Sort();
    title.Sort();
    Console.WriteLine($"parse median {parse[parse.Count / 2]:F1} µs, title median {title[title.Count / 2]:F1} µs");
    Console.WriteLine($"reports {times.Count}, median {times[times.Count / 2].Micros:F1} µs, p90 {times[times.Count * 9 / 10].Micros:F1} µs, max {times[^1].Micros:F1} µs ({regions[times[^1].Index].Lines.Count} lines)");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseAndTitleBenchmark).Assembly).Run(args);
