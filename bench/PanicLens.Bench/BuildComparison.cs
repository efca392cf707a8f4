using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;

namespace PanicLens.Bench;

/// <summary>
/// Compares two builds of PanicLens.Core in one process (`bench --compare BASE_CORE_DLL`): each build is loaded into
/// a load context of its own, both read the corpus, and every report is parsed and titled by both in turn, in
/// alternating order, keeping each report's best of 30 rounds. Both meet the same machine noise within
/// microseconds, so the ratios hold where absolute figures from different runs do not (README "Speed of parse and title").
/// </summary>
public static class BuildComparison
{
    private const int Rounds = 30;
    private const int WarmUpSeconds = 15;

    public static void Run(string baseCore, string newCore, bool hot)
    {
        var sides = new[] { Build.Load(baseCore), Build.Load(newCore) };
        var logs = CorpusReports.Logs();
        foreach (var side in sides)
            side.Prepare(logs);
        var count = sides[0].Regions.Count;
        if (sides[1].Regions.Count != count)
        {
            Console.Error.WriteLine($"bench: the builds find {count} and {sides[1].Regions.Count} reports; compare builds that detect alike");
            return;
        }
        // Long enough for tiered compilation, and for ShortTextRegex to compile its busy patterns, in both builds.
        var until = Stopwatch.GetTimestamp() + WarmUpSeconds * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < until)
            foreach (var side in sides)
                for (var i = 0; i < count; i++)
                    side.Title(side.Parse(side.Regions[i]));
        var total = Best(count);
        var parse = Best(count);
        var title = Best(count);
        for (var round = 0; round < Rounds; round++)
            for (var i = 0; i < count; i++)
                for (var turn = 0; turn < 2; turn++)
                {
                    var which = (turn + round) % 2;
                    var side = sides[which];
                    // Hot: the report three times in a row, as BenchmarkDotNet repeats one report.
                    for (var repeat = 0; repeat < (hot ? 3 : 1); repeat++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        var report = side.Parse(side.Regions[i]);
                        var parsed = Stopwatch.GetTimestamp();
                        side.Title(report);
                        var titled = Stopwatch.GetTimestamp();
                        total[which][i] = Math.Min(total[which][i], Micros(titled - start));
                        parse[which][i] = Math.Min(parse[which][i], Micros(parsed - start));
                        title[which][i] = Math.Min(title[which][i], Micros(titled - parsed));
                    }
                }
        Console.WriteLine($"base: median {Median(total[0]):F1} µs (parse {Median(parse[0]):F1}, title {Median(title[0]):F1}); " +
            $"new: median {Median(total[1]):F1} µs (parse {Median(parse[1]):F1}, title {Median(title[1]):F1})");
        Console.WriteLine($"new / base over {count} reports: median of per-report ratios {MedianRatio(total):F3} " +
            $"(parse {MedianRatio(parse):F3}, title {MedianRatio(title):F3}); ratio of medians {Median(total[1]) / Median(total[0]):F3}");
    }

    private static double[][] Best(int count) => [Enumerable.Repeat(double.MaxValue, count).ToArray(), Enumerable.Repeat(double.MaxValue, count).ToArray()];

    private static double Micros(long ticks) => ticks * 1e6 / Stopwatch.Frequency;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double MedianRatio(double[][] times) => Median(times[1].Zip(times[0], (b, a) => b / a).ToArray());

    /// <summary>One build: its assembly, the corpus regions it detected, and compiled calls to its parser and titler.</summary>
    private sealed class Build(Assembly core)
    {
        public List<object> Regions { get; } = [];
        public Func<object, object> Parse { get; private set; } = null!;
        public Action<object> Title { get; private set; } = null!;

        /// <summary>Loads the build with its own dependencies (the files beside it); the framework comes from the host.</summary>
        public static Build Load(string coreDll)
        {
            var path = Path.GetFullPath(coreDll);
            var context = new FolderContext(Path.GetDirectoryName(path)!);
            return new Build(context.LoadFromAssemblyPath(path));
        }

        public void Prepare(IReadOnlyList<string> logs)
        {
            var read = Type("PanicLens.Ingest.LineReader").GetMethod("Read", [typeof(string)])!;
            var detectorType = Type("PanicLens.Detection.CrashDetector");
            var detect = detectorType.GetMethods().First(m => m.Name == "Detect" && m.GetParameters().Length == 1);
            foreach (var log in logs)
                foreach (var found in (System.Collections.IEnumerable)detect.Invoke(Activator.CreateInstance(detectorType), [read.Invoke(null, [log])])!)
                    Regions.Add(found);
            // Compiled calls: reflection's own cost per call would blur differences of a few per cent.
            var regionType = Type("PanicLens.Detection.CrashRegion");
            var parse = Type("PanicLens.Parsing.ReportParser").GetMethod("Parse")!;
            var region = Expression.Parameter(typeof(object));
            var typed = Expression.Convert(region, regionType);
            var call = Expression.Call(parse, Expression.Constant("bench"), Expression.Property(typed, "Lines"),
                Expression.Property(typed, "StartLine"), Expression.Property(typed, "EndLine"));
            Parse = Expression.Lambda<Func<object, object>>(Expression.Convert(call, typeof(object)), region).Compile();
            var apply = Type("PanicLens.Signatures.TitleBuilder").GetMethod("Apply")!;
            var report = Expression.Parameter(typeof(object));
            Title = Expression.Lambda<Action<object>>(
                Expression.Call(apply, Expression.Convert(report, apply.GetParameters()[0].ParameterType)), report).Compile();
        }

        private Type Type(string name) =>
            core.GetType(name) ?? throw new InvalidOperationException($"{core.Location} has no type {name}");
    }

    private sealed class FolderContext(string folder) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
