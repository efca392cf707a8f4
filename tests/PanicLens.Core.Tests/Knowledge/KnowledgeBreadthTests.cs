using PanicLens.Core.Tests.Signatures;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Knowledge;
using PanicLens.Parsing;
using PanicLens.Signatures;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>
/// Guards against entries written too broadly. Over the syzkaller corpus (hundreds of bugs, none of them
/// one of our upstream-fix entries' exact bug except by chance) an entry that names a specific upstream fix
/// may claim at most 1% of the reports. Symptom entries without a fix (hung task, RCU stall...) rightly
/// match every report of their kind; their counts are printed.
/// </summary>
public sealed class KnowledgeBreadthTests(ITestOutputHelper output)
{
    private const double MaxShareForBugEntries = 0.01;

    [Fact]
    public void Entries_for_specific_upstream_bugs_claim_almost_none_of_unrelated_syzkaller_reports()
    {
        var kb = KnowledgeLoader.Load();
        var counts = kb.Issues.ToDictionary(i => i.Id, _ => 0);
        var reports = 0;
        var matching = new System.Diagnostics.Stopwatch();
        foreach (var path in SyzkallerCase.Files())
        {
            var lines = LineReader.Read(SyzkallerCase.Load(path).Log).ToList();
            foreach (var region in new CrashDetector().Detect(lines))
            {
                var report = ReportParser.Parse(Path.GetFileName(path), region.Lines, region.StartLine, region.EndLine);
                TitleBuilder.Apply(report);
                reports++;
                matching.Start();
                var matches = kb.Match(report);
                matching.Stop();
                foreach (var match in matches)
                    counts[match.Issue.Id]++;
            }
        }
        output.WriteLine($"matching {reports} reports against {kb.Issues.Count} entries took {matching.Elapsed.TotalMilliseconds:F0} ms ({matching.Elapsed.TotalMicroseconds / Math.Max(1, reports):F0} us per report)");
        foreach (var (id, count) in counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value))
            output.WriteLine($"{id}: {count} of {reports}");
        Assert.True(reports > 100, $"only {reports} reports detected; the corpus did not load");
        var broad = counts.Where(c => kb.Find(c.Key)!.Fix is not null && c.Value > reports * MaxShareForBugEntries)
            .Select(c => $"{c.Key} ({c.Value})").ToList();
        Assert.True(broad.Count == 0, "entries matching too much: " + string.Join(", ", broad));
    }
}
