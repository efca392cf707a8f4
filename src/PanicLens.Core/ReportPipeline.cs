using PanicLens.Analysis;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Parsing;
using PanicLens.Signatures;

namespace PanicLens;

/// <summary>
/// The pipeline, in its order: bytes → <see cref="LineReader"/> → <see cref="CrashDetector"/> → <see cref="ReportParser"/>
/// → <see cref="TitleBuilder"/> → <see cref="Diagnoser"/>. Streams: a report is yielded as soon as its region closes,
/// so a huge log never sits in memory. The CLI and any server run this same object on the same bytes.
/// </summary>
public sealed class ReportPipeline(KnowledgeBase? knowledge = null)
{
    /// <summary>Earlier reports of one log kept for the diagnosis (a `W` taint points at the warning before).</summary>
    private const int EarlierKept = 32;

    private readonly CrashDetector detector = new();
    private readonly Diagnoser diagnoser = new(knowledge);

    public IEnumerable<CrashReport> Analyze(Stream input, string source)
    {
        var earlier = new List<CrashReport>();
        foreach (var region in detector.Detect(LineReader.Read(input)))
        {
            var report = Build(region, source);
            report.Diagnosis = diagnoser.Diagnose(report, earlier);
            if (earlier.Count == EarlierKept)
                earlier.RemoveAt(0);
            earlier.Add(report);
            yield return report;
        }
    }

    /// <summary>Parses and titles one region, without diagnosis.</summary>
    public static CrashReport Build(CrashRegion region, string source)
    {
        var report = ReportParser.Parse(source, region.Lines, region.StartLine, region.EndLine);
        TitleBuilder.Apply(report);
        return report;
    }
}
