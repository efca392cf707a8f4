using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// The pipeline the title tests need: lines → regions → parsed and titled reports (<see cref="ReportPipeline.Build"/>,
/// the CLI's own step, so titles are measured with the parser's frames behind them), without diagnosis.
/// </summary>
public static class CorpusPipeline
{
    public static List<CrashReport> Reports(string log, string source = "test") => Reports(LineReader.Read(log), source);

    public static List<CrashReport> Reports(IEnumerable<LogLine> lines, string source = "test")
    {
        var reports = new List<CrashReport>();
        foreach (var region in new CrashDetector().Detect(lines))
        {
            reports.Add(ReportPipeline.Build(region, source));
        }
        return reports;
    }
}
