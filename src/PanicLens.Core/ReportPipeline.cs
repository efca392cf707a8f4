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
public sealed class ReportPipeline
{
    /// <summary>Earlier reports of one log kept for the diagnosis (a `W` taint points at the warning before).</summary>
    private const int EarlierKept = 32;

    private readonly CrashDetector detector = new();
    private readonly Lazy<Diagnoser> diagnoser;

    public ReportPipeline(KnowledgeBase? knowledge = null) => diagnoser = new(() => new Diagnoser(knowledge));

    /// <summary>
    /// Takes the knowledge base only when the first report needs a diagnosis, so a caller can load it (compiling
    /// its patterns costs most of a second) on another core while this one reads and parses the log.
    /// </summary>
    public ReportPipeline(Func<KnowledgeBase?> knowledge) => diagnoser = new(() => new Diagnoser(knowledge()));

    public IEnumerable<CrashReport> Analyze(Stream input, string source) => Analyze(LineReader.Read(input), source);

    /// <summary>
    /// The same on lines already read. A reader may leave out lines while <see cref="Idle"/> holds that cannot open a
    /// report (no header) and are no boot banner: the reports come out the same (the fleet scan reads so).
    /// </summary>
    public IEnumerable<CrashReport> Analyze(IEnumerable<LogLine> lines, string source)
    {
        var earlier = new List<CrashReport>();
        var banner = new BootBanner();
        foreach (var region in detector.Detect(Observed(lines, banner)))
        {
            var report = Build(region, source);
            // Reports that print no release of their own (mce, bare panics) ran the kernel that booted last.
            report.Kernel ??= banner.ReleaseBefore(region.StartLine);
            report.Diagnosis = diagnoser.Value.Diagnose(report, earlier);
            if (earlier.Count == EarlierKept)
                earlier.RemoveAt(0);
            earlier.Add(Outline(report));
            yield return report;
        }
    }

    /// <summary>No report is open (<see cref="CrashDetector.Idle"/>): read while the lines are being asked for.</summary>
    public bool Idle => detector.Idle;

    /// <summary>The syslog host of every open report (<see cref="CrashDetector.SoleHost"/>): read while the lines are being asked for.</summary>
    public string? SoleHost => detector.SoleHost;

    private static IEnumerable<LogLine> Observed(IEnumerable<LogLine> lines, BootBanner banner)
    {
        foreach (var line in lines)
        {
            banner.Observe(line);
            yield return line;
        }
    }

    /// <summary>
    /// What the diagnosis of a later report reads of an earlier one (its kind, header and line: the taint notes), so a
    /// log of long reports does not keep 32 of them whole.
    /// </summary>
    private static CrashReport Outline(CrashReport report) => new()
    {
        Source = report.Source, StartLine = report.StartLine, EndLine = report.EndLine, Lines = [],
        Kind = report.Kind, Message = report.Message,
    };

    /// <summary>Parses and titles one region, without diagnosis.</summary>
    public static CrashReport Build(CrashRegion region, string source)
    {
        var report = ReportParser.Parse(source, region.Lines, region.StartLine, region.EndLine);
        TitleBuilder.Apply(report);
        return report;
    }
}
