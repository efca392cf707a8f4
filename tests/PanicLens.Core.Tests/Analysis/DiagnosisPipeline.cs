using System.Text;
using PanicLens.Knowledge;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>Runs text through the product's own <see cref="ReportPipeline"/> (read, detect, parse, title, diagnose).</summary>
internal static class DiagnosisPipeline
{
    public static List<CrashReport> Reports(string text, string source = "log", KnowledgeBase? knowledge = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return new ReportPipeline(knowledge).Analyze(stream, source).ToList();
    }
}
