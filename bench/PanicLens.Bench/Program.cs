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
    // Warm up: let tiered compilation reach its optimised code before anything is timed.
    var warmUntil = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
    while (Stopwatch.GetTimestamp() < warmUntil)
        foreach (var region in regions)
            TitleBuilder.Apply(ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine));
    // Rounds over the whole corpus, keeping each report's best time: a burst of machine noise hits one round of a
    // report, not all of them.
    const int rounds = 30;
    var best = new double[regions.Count];
    var bestParse = new double[regions.Count];
    var bestTitle = new double[regions.Count];
    Array.Fill(best, double.MaxValue);
    Array.Fill(bestParse, double.MaxValue);
    Array.Fill(bestTitle, double.MaxValue);
    for (var round = 0; round < rounds; round++)
        for (var i = 0; i < regions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var report = ReportParser.Parse("bench", regions[i].Lines, regions[i].StartLine, regions[i].EndLine);
            var parsed = Stopwatch.GetTimestamp();
            TitleBuilder.Apply(report);
            best[i] = Math.Min(best[i], Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            bestParse[i] = Math.Min(bestParse[i], Stopwatch.GetElapsedTime(start, parsed).TotalMicroseconds);
            bestTitle[i] = Math.Min(bestTitle[i], Stopwatch.GetElapsedTime(parsed).TotalMicroseconds);
        }
    var times = best.Select((micros, index) => (Micros: micros, Index: index)).ToList();
    var parse = bestParse.ToList();
    var title = bestTitle.ToList();
    times.Sort();
    parse.Sort();
    title.Sort();
    Console.WriteLine($"parse median {parse[parse.Count / 2]:F1} µs, title median {title[title.Count / 2]:F1} µs");
    Console.WriteLine($"reports {times.Count}, median {times[times.Count / 2].Micros:F1} µs, p90 {times[times.Count * 9 / 10].Micros:F1} µs, max {times[^1].Micros:F1} µs ({regions[times[^1].Index].Lines.Count} lines)");
    return;
}
if (args is ["--loop", var secondsText])
{
    // For a profiler: parse and title the whole corpus again and again for the given seconds.
    var regions = CorpusReports.Load();
    if (Environment.GetEnvironmentVariable("BENCH_MAX_LINES") is { } maxLines)
        regions = regions.Where(r => r.Lines.Count <= int.Parse(maxLines)).ToList();
    var sizes = regions.Select(r => r.Lines.Count).Order().ToList();
    Console.WriteLine($"lines per report: median {sizes[sizes.Count / 2]}, p90 {sizes[sizes.Count * 9 / 10]}");
    var until = Stopwatch.GetTimestamp() + (long)(double.Parse(secondsText, System.Globalization.CultureInfo.InvariantCulture) * Stopwatch.Frequency);
    var passes = 0;
    while (Stopwatch.GetTimestamp() < until)
    {
        foreach (var region in regions)
            TitleBuilder.Apply(ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine));
        passes++;
    }
    Console.WriteLine($"{passes} passes over {regions.Count} reports");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseAndTitleBenchmark).Assembly).Run(args);
