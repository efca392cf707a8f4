using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Signatures;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>The part of the pipeline the title tests need: lines → regions → titled reports.</summary>
public static class CorpusPipeline
{
    public static List<CrashReport> Reports(string log, string source = "test") => Reports(LineReader.Read(log), source);

    public static List<CrashReport> Reports(IEnumerable<LogLine> lines, string source = "test")
    {
        var reports = new List<CrashReport>();
        foreach (var region in new CrashDetector().Detect(lines))
        {
            var report = new CrashReport { Source = source, StartLine = region.StartLine, EndLine = region.EndLine, Lines = region.Lines };
            TitleBuilder.Apply(report);
            reports.Add(report);
        }
        return reports;
    }
}
