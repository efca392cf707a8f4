using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PanicLens.Detection;
using PanicLens.Parsing;
using PanicLens.Signatures;

namespace PanicLens.Bench;

/// <summary>
/// Parse + title of one corpus report per benchmark case, so BenchmarkDotNet reports the time of each report and
/// the median over the cases is the median report's time (issue 3 asks under 50 µs). The cases are a sample
/// spread evenly over the corpus sorted by report length, so the sample's median is the corpus' median length.
/// Each case runs the same report again and again: steady-state time with warm caches and fully tiered code.
/// `bench --median` times the same reports cold (one after another) for comparison.
/// </summary>
[Config(typeof(Settings))]
public class PerReportBenchmark
{
    /// <summary>Every how many reports (by length) one is sampled.</summary>
    public const int Stride = 10;

    public sealed class Settings : ManualConfig
    {
        public Settings()
        {
            // In-process and short (59 cases): a few seconds a case instead of a process and half a minute each.
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(4)
                .WithIterationCount(8)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(60))
                .WithEvaluateOverhead(false));
            WithOptions(ConfigOptions.DisableLogFile);
        }
    }

    /// <summary>A report to time; its name is what the summary table shows.</summary>
    public sealed record Case(string Name, int Lines, CrashRegion Region)
    {
        public override string ToString() => $"{Name} ({Lines} lines)";
    }

    public static IEnumerable<Case> Cases()
    {
        var all = CorpusReports.LoadNamed()
            .Select(named => new Case(named.Name, named.Region.Lines.Count, named.Region))
            .OrderBy(c => c.Lines).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        // Centred strides: with 590 reports and a stride of 10 the sample holds the reports ranked 5, 15, ..., 585.
        for (var i = Stride / 2; i < all.Count; i += Stride)
            yield return all[i];
    }

    [ParamsSource(nameof(Cases))]
    public Case Report { get; set; } = null!;

    private static bool warmedUp;

    /// <summary>
    /// Once per process (the cases share it): the whole corpus for a few seconds, so that tiered compilation has
    /// reached its optimised code everywhere before the first case is measured; a case's own warm-up only covers
    /// the paths of its report.
    /// </summary>
    [GlobalSetup]
    public void WarmUp()
    {
        if (warmedUp)
            return;
        warmedUp = true;
        CorpusReports.WarmUp(CorpusReports.Load(), seconds: 10);
    }

    /// <summary>
    /// Same-run yardstick: split each of the report's lines into words and hash them, work of the same shape
    /// (every character looked at, a few short strings made) that no PanicLens change touches. The ratio of
    /// parse + title to it is what to compare across runs on these noisy machines.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int SplitAndHash()
    {
        var hash = 0;
        foreach (var line in Report.Region.Lines)
            foreach (var word in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                hash = hash * 31 + word.GetHashCode(StringComparison.Ordinal);
        return hash;
    }

    [Benchmark]
    public int ParseAndTitle()
    {
        var region = Report.Region;
        var report = ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine);
        TitleBuilder.Apply(report);
        return report.Title.Length;
    }
}
