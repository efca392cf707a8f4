using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens;

/// <summary>
/// The pipeline, in its order: bytes → <see cref="LineReader"/> → <see cref="CrashDetector"/> → <see cref="ReportParser"/>
/// → titles → diagnosis. Streams: a report is yielded as soon as its region closes, so a huge log never sits in memory.
/// The CLI and any server run this same object on the same bytes.
/// </summary>
public sealed class ReportPipeline
{
    private readonly CrashDetector detector = new();

    public IEnumerable<CrashReport> Analyze(Stream input, string source)
    {
        foreach (var region in detector.Detect(LineReader.Read(input)))
            yield return Build(region, source);
    }

    public CrashReport Build(CrashRegion region, string source)
    {
        var report = ReportParser.Parse(source, region.Lines, region.StartLine, region.EndLine);
        return report;
    }
}
