using System.Text;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;
using PanicLens.Signatures;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>What a variant must keep: how many reports the log gives and the first report's reader-facing fields.</summary>
public sealed record Outcome(int Reports, string? Title, string? Function, string? Comm, int? Pid, string? Module, string? Kernel)
{
    /// <summary>The production corpus test's pipeline: lines, regions, parse, boot-banner kernel, title.</summary>
    public static Outcome Of(Stream input)
    {
        var lines = LineReader.Read(input).ToList();
        var regions = new CrashDetector().Detect(lines).ToList();
        if (regions.Count == 0)
            return new Outcome(0, null, null, null, null, null, null);
        var region = regions[0];
        var report = ReportParser.Parse("variant", region.Lines, region.StartLine, region.EndLine);
        report.Kernel ??= ReportParser.BootKernel(lines, region.StartLine);
        TitleBuilder.Apply(report);
        return new Outcome(regions.Count, report.Title, report.Function, report.Process?.Comm, report.Process?.Pid,
            report.Module, report.Kernel);
    }

    public static Outcome Of(string text) => Of(new MemoryStream(Encoding.Latin1.GetBytes(text)));

    /// <summary>The fields that differ from <paramref name="want"/>, as `field: want 'a' got 'b'`; empty when none.</summary>
    public string Differences(Outcome want)
    {
        var diff = new StringBuilder();
        void Check<T>(string field, T expected, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, got))
                diff.Append(diff.Length == 0 ? "" : "; ").Append(field).Append(": want '").Append(expected).Append("' got '").Append(got).Append('\'');
        }
        Check("reports", want.Reports, Reports);
        Check("title", want.Title, Title);
        Check("function", want.Function, Function);
        Check("comm", want.Comm, Comm);
        Check("pid", want.Pid, Pid);
        Check("module", want.Module, Module);
        Check("kernel", want.Kernel, Kernel);
        return diff.ToString();
    }
}
