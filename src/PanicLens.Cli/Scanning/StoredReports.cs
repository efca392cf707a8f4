using System.Security.Cryptography;
using System.Text;
using PanicLens.Buckets;
using PanicLens.Cli.Rendering;
using PanicLens.Model;
using PanicLens.Storage;

namespace PanicLens.Cli.Scanning;

/// <summary>Turns a report of the pipeline into what the store keeps of it.</summary>
public static class StoredReports
{
    /// <param name="lineBase">Lines of the file before the bytes this report was read from.</param>
    public static NewReport From(CrashReport report, long lineBase, bool pending)
    {
        var raw = new StringBuilder();
        foreach (var line in report.Lines)
            raw.Append(line.Text).Append('\n');
        var text = raw.ToString();
        return new NewReport
        {
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            StartLine = report.StartLine + lineBase,
            EndLine = report.EndLine + lineBase,
            Pending = pending,
            Title = report.Title.Length > 0 ? report.Title : report.Message,
            Type = report.Type,
            Kernel = report.Kernel,
            Timestamp = report.Timestamp,
            KnownIssue = report.Diagnosis?.KnownIssues is [var first, ..] ? first.Id : null,
            Keys = BucketKeyBuilder.Build(report),
            ReportJson = Json(report),
            RawText = text,
        };
    }

    /// <summary>The report in the analyze JSON contract, one object.</summary>
    public static string Json(CrashReport report)
    {
        var buffer = new MemoryStream();
        using (var renderer = new JsonReportRenderer(buffer))
            renderer.Write(report);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
