using System.Diagnostics;
using BenchmarkDotNet.Running;
using PanicLens.Bench;
using PanicLens.Parsing;
using PanicLens.Signatures;

// Parse + title over ../shared/corpus/syzkaller-linux (README "Speed of parse and title"):
//   --per-report    BenchmarkDotNet, one case per sampled report; prints the median over the cases (issue 3)
//   --median [hot]  every report in turn (or each repeated), best of 30 rounds; median, p90, fit against length
//   --alloc         bytes allocated per line by parse and by title
//   --loop SECONDS  parse and title the corpus for a profiler (BENCH_REPORT, BENCH_MAX_LINES, BENCH_PARSE_ONLY)
//   --hot-loop SECONDS  the --per-report cases, each repeated, for a profiler
//   --compare BASE_CORE_DLL [hot]  another build of PanicLens.Core against this one, in one process: time ratios
// anything else goes to BenchmarkDotNet (e.g. `--filter *`).
if (args is ["--hot-loop", var hotSeconds])
{
    // For a profiler: the --per-report cases, each run 200 times in a row (warm caches, as BenchmarkDotNet runs them).
    var cases = PerReportBenchmark.Cases().ToList();
    var until = Stopwatch.GetTimestamp() + (long)(double.Parse(hotSeconds, System.Globalization.CultureInfo.InvariantCulture) * Stopwatch.Frequency);
    var runs = 0;
    while (Stopwatch.GetTimestamp() < until)
        foreach (var hotCase in cases)
            for (var k = 0; k < 200; k++, runs++)
                TitleBuilder.Apply(ReportParser.Parse("bench", hotCase.Region.Lines, hotCase.Region.StartLine, hotCase.Region.EndLine));
    Console.WriteLine($"{runs} reports parsed and titled");
    return;
}
if (args is ["--compare", _] or ["--compare", _, "hot"])
{
    // Two builds of PanicLens.Core in one process, each report timed on both alternately (BuildComparison).
    BuildComparison.Run(args[1], Path.Combine(AppContext.BaseDirectory, "PanicLens.Core.dll"), hot: args.Length == 3);
    return;
}
if (args is ["--median"] or ["--median", "hot"])
{
    var regions = CorpusReports.Load();
    CorpusReports.WarmUp(regions, seconds: 15);
    // Rounds over the whole corpus, keeping each report's best time: a burst of machine noise hits one round of a
    // report, not all of them.
    const int rounds = 30;
    var best = new double[regions.Count];
    var bestParse = new double[regions.Count];
    var bestTitle = new double[regions.Count];
    Array.Fill(best, double.MaxValue);
    Array.Fill(bestParse, double.MaxValue);
    Array.Fill(bestTitle, double.MaxValue);
    // Cold: one report after another, as in a log (caches hold other reports' data). Hot: each report again and again.
    var hot = args.Length == 2;
    for (var outer = 0; outer < (hot ? 1 : rounds); outer++)
        for (var i = 0; i < regions.Count * (hot ? rounds : 1); i++)
        {
            var at = hot ? i / rounds : i;
            var start = Stopwatch.GetTimestamp();
            var report = ReportParser.Parse("bench", regions[at].Lines, regions[at].StartLine, regions[at].EndLine);
            var parsed = Stopwatch.GetTimestamp();
            TitleBuilder.Apply(report);
            best[at] = Math.Min(best[at], Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            bestParse[at] = Math.Min(bestParse[at], Stopwatch.GetElapsedTime(start, parsed).TotalMicroseconds);
            bestTitle[at] = Math.Min(bestTitle[at], Stopwatch.GetElapsedTime(parsed).TotalMicroseconds);
        }
    var times = best.Select((micros, index) => (Micros: micros, Index: index)).ToList();
    var parse = bestParse.ToList();
    var title = bestTitle.ToList();
    // Least-squares fit of time against lines: the fixed cost per report and the cost per line.
    var xs = regions.Select(r => (double)r.Lines.Count).ToArray();
    foreach (var (name, ys) in new[] { ("parse+title", best), ("parse", bestParse), ("title", bestTitle) })
    {
        double meanX = xs.Average(), meanY = ys.Average();
        var slope = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / xs.Sum(x => (x - meanX) * (x - meanX));
        Console.WriteLine($"fit {name}: {meanY - slope * meanX:F1} µs per report + {slope:F2} µs per line");
    }
    var small = Enumerable.Range(0, regions.Count).Where(i => regions[i].Lines.Count <= 8).ToList();
    foreach (var i in small.OrderByDescending(i => bestTitle[i]).Take(12))
        Console.WriteLine($"  {bestTitle[i],7:F1} µs  {regions[i].Lines.Count} lines  {regions[i].Lines[0].Text[..Math.Min(100, regions[i].Lines[0].Text.Length)]}");
    Console.WriteLine($"reports of at most 8 lines: {small.Count}, mean parse {small.Average(i => bestParse[i]):F1} µs, title {small.Average(i => bestTitle[i]):F1} µs");
    times.Sort();
    parse.Sort();
    title.Sort();
    Console.WriteLine($"parse median {parse[parse.Count / 2]:F1} µs, title median {title[title.Count / 2]:F1} µs");
    Console.WriteLine($"reports {times.Count}, median {times[times.Count / 2].Micros:F1} µs, p90 {times[times.Count * 9 / 10].Micros:F1} µs, max {times[^1].Micros:F1} µs ({regions[times[^1].Index].Lines.Count} lines)");
    return;
}
if (args is ["--alloc"])
{
    var regions = CorpusReports.Load();
    foreach (var region in regions) TitleBuilder.Apply(ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine));
    long parseBytes = 0, titleBytes = 0, lines = 0;
    var perReport = new List<(long Parse, long Title, int Lines)>();
    foreach (var region in regions)
    {
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var report = ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine);
        var a1 = GC.GetAllocatedBytesForCurrentThread();
        TitleBuilder.Apply(report);
        var a2 = GC.GetAllocatedBytesForCurrentThread();
        parseBytes += a1 - a0; titleBytes += a2 - a1; lines += region.Lines.Count;
        perReport.Add((a1 - a0, a2 - a1, region.Lines.Count));
    }
    var med = perReport.OrderBy(r => r.Parse + r.Title).ElementAt(perReport.Count / 2);
    Console.WriteLine($"bytes per line: parse {parseBytes / (double)lines:F0}, title {titleBytes / (double)lines:F0}; median report: parse {med.Parse}, title {med.Title} ({med.Lines} lines)");
    return;
}
if (args is ["--loop", var secondsText])
{
    // For a profiler: parse and title the whole corpus again and again for the given seconds.
    var regions = CorpusReports.Load();
    if (Environment.GetEnvironmentVariable("BENCH_REPORT") is { } only)
        regions = CorpusReports.LoadNamed().Where(named => named.Name == only).Select(named => named.Region).ToList();
    if (Environment.GetEnvironmentVariable("BENCH_MAX_LINES") is { } maxLines)
        regions = regions.Where(r => r.Lines.Count <= int.Parse(maxLines)).ToList();
    var sizes = regions.Select(r => r.Lines.Count).Order().ToList();
    Console.WriteLine($"lines per report: median {sizes[sizes.Count / 2]}, p90 {sizes[sizes.Count * 9 / 10]}");
    var until = Stopwatch.GetTimestamp() + (long)(double.Parse(secondsText, System.Globalization.CultureInfo.InvariantCulture) * Stopwatch.Frequency);
    var passes = 0;
    var passLimit = Environment.GetEnvironmentVariable("BENCH_PASSES") is { } passText ? int.Parse(passText) : int.MaxValue;
    while (Stopwatch.GetTimestamp() < until && passes < passLimit)
    {
        foreach (var region in regions)
        {
            var report = ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine);
            if (Environment.GetEnvironmentVariable("BENCH_PARSE_ONLY") is null)
                TitleBuilder.Apply(report);
        }
        passes++;
    }
    Console.WriteLine($"{passes} passes over {regions.Count} reports");
    return;
}
if (args is ["--per-report"])
{
    // BenchmarkDotNet times each sampled report; the median of their medians is the figure issue 3 asks for.
    var summary = BenchmarkRunner.Run<PerReportBenchmark>();
    var perReport = summary.Reports
        .Where(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(PerReportBenchmark.ParseAndTitle))
        .Select(r => r.ResultStatistics!.Median / 1000.0)
        .Order()
        .ToList();
    var baseline = summary.Reports
        .Where(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(PerReportBenchmark.SplitAndHash))
        .Select(r => r.ResultStatistics!.Median / 1000.0)
        .Order()
        .ToList();
    if (perReport.Count == 0)
    {
        Console.Error.WriteLine("bench: no benchmark case produced a result");
        return;
    }
    Console.WriteLine($"per-report parse+title over {perReport.Count} sampled reports: median {perReport[perReport.Count / 2]:F1} µs, " +
        $"p90 {perReport[perReport.Count * 9 / 10]:F1} µs, max {perReport[^1]:F1} µs");
    if (baseline.Count > 0)
        Console.WriteLine($"same-run yardstick (split each line into words and hash them): median {baseline[baseline.Count / 2]:F1} µs; " +
            $"parse+title is {perReport[perReport.Count / 2] / baseline[baseline.Count / 2]:F1}× it at the median");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseAndTitleBenchmark).Assembly).Run(args);
