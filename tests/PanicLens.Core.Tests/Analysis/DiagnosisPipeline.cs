using PanicLens.Analysis;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>The real pipeline up to the diagnosis: lines → regions → parsed reports → diagnoses (earlier reports passed along).</summary>
internal static class DiagnosisPipeline
{
    public static List<CrashReport> Reports(string text, string source = "log", KnowledgeBase? knowledge = null)
    {
        var diagnoser = new Diagnoser(knowledge);
        var reports = new List<CrashReport>();
        foreach (var region in new CrashDetector().Detect(LineReader.Read(text)))
        {
            var report = new CrashReport { Source = source, StartLine = region.StartLine, EndLine = region.EndLine, Lines = region.Lines };
            ReportParser.Fill(report);
            report.Diagnosis = diagnoser.Diagnose(report, [.. reports]);
            reports.Add(report);
        }
        return reports;
    }
}
