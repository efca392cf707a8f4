using System.Text;
using System.Text.Json;
using PanicLens.Knowledge;
using PanicLens.Storage;
using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// `show`: a stored report or bucket. JSON embeds the stored analyze-contract report as it was written at scan time;
/// text analyses the stored lines again with the same pipeline and prints them as `analyze` does.
/// </summary>
public sealed class StoredReportRenderer(CliIo io, string format, Func<KnowledgeBase> knowledge)
{
    public void WriteReport(StoredReport report)
    {
        if (format == "json")
        {
            StoreJson.Document(io.Stdout, json => WriteJson(json, report));
            return;
        }
        using var text = io.OpenText();
        WriteHeader(text, report);
        WriteLines(text, report);
        WriteAnalysis(text, report);
    }

    /// <summary>The report's lines as stored (prefixes stripped), each with its line number in the source file.</summary>
    private static void WriteLines(TextWriter text, StoredReport r)
    {
        if (r.RawText is null)
            return;
        var lines = r.RawText.TrimEnd('\n').Split('\n');
        var numbers = Scanning.StoredReports.Numbers(r.LineNumbers) is { } n && n.Count == lines.Length ? n : null;
        var width = (numbers?[^1] ?? lines.Length).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < lines.Length; i++)
            text.WriteLine($"{(numbers is null ? "" : numbers[i].ToString(System.Globalization.CultureInfo.InvariantCulture)).PadLeft(width)}  {Palette.Clean(lines[i])}");
        text.WriteLine();
    }

    public void WriteBucket(BucketSummary bucket, IReadOnlyList<StoredReport> reports)
    {
        if (format == "json")
        {
            StoreJson.Document(io.Stdout, json =>
            {
                json.WritePropertyName("bucket");
                BucketListRenderer.WriteJson(json, bucket);
                StoreJson.Objects(json, "reports", reports, WriteJson);
            });
            return;
        }
        using var text = io.OpenText();
        text.WriteLine(Words.Format("show.bucket", bucket.Id, Palette.Clean(bucket.Title)));
        text.WriteLine("  " + Words.Format("show.bucket-counts", bucket.Count, bucket.Hosts.Count, bucket.FirstSeen, bucket.LastSeen));
        text.WriteLine($"  {Label("show.hosts")}{Palette.Clean(string.Join(", ", bucket.Hosts))}");
        text.WriteLine($"  {Label("show.kernels")}{Palette.Clean(string.Join(", ", bucket.Kernels))}");
        if (bucket.KnownIssue is not null)
            text.WriteLine($"  {Label("show.known")}{bucket.KnownIssue}");
        text.WriteLine($"  {Label("show.keys")}{Palette.Clean(bucket.Keys.Stack)}");
        text.WriteLine($"  {Label("")}{Palette.Clean(bucket.Keys.Domain)}");
        text.WriteLine("  " + Words.Format("show.reports", reports.Count));
        foreach (var r in reports)
            text.WriteLine($"    {r.Id,8}  {Palette.Clean(r.Host)}  {Palette.Clean(r.Path)}:{r.StartLine}-{r.EndLine}  {r.Timestamp ?? r.FoundAt}{(r.Pending ? "  " + Words.Get("show.pending-note") : "")}");
        if (reports.FirstOrDefault(r => r.RawText is not null) is { } sample)
        {
            text.WriteLine();
            WriteHeader(text, sample);
            WriteLines(text, sample);
            WriteAnalysis(text, sample);
        }
    }

    private static void WriteJson(Utf8JsonWriter json, StoredReport r)
    {
        json.WriteNumber("id", r.Id);
        json.WriteString("host", r.Host);
        json.WriteString("path", r.Path);
        json.WriteNumber("startLine", r.StartLine);
        json.WriteNumber("endLine", r.EndLine);
        json.WriteBoolean("pending", r.Pending);
        json.WriteString("bucket", r.BucketId);
        json.WriteString("title", r.Title);
        json.WriteString("type", r.Type);
        json.WriteString("kernel", r.Kernel);
        json.WriteString("timestamp", r.Timestamp);
        json.WriteString("foundAt", r.FoundAt);
        json.WriteString("knownIssue", r.KnownIssue);
        json.WritePropertyName("report");
        if (r.ReportJson is null)
            json.WriteNullValue();
        else
            json.WriteRawValue(r.ReportJson);
    }

    /// <summary>A label of the bucket summary, padded to 9 display columns (the English labels' width).</summary>
    private static string Label(string key) => TextWrap.Pad(key.Length == 0 ? "" : Words.Get(key), 9);

    private static void WriteHeader(TextWriter text, StoredReport r) =>
        text.WriteLine(Words.Format("show.report-header", r.Id, Palette.Clean(r.Host), Palette.Clean(r.Path), r.StartLine, r.EndLine, r.BucketId)
            + (r.Pending ? Words.Get("show.pending") : ""));

    private void WriteAnalysis(TextWriter text, StoredReport r)
    {
        if (r.RawText is null)
        {
            text.WriteLine($"  {Palette.Clean(r.Title)}");
            text.WriteLine("  " + Words.Format("show.not-kept", SqlCrashStore.SamplePerBucket));
            return;
        }
        var pipeline = new ReportPipeline(knowledge);
        var renderer = new FullTextReportRenderer(text, new Palette(false));
        foreach (var report in pipeline.Analyze(new MemoryStream(Encoding.Latin1.GetBytes(r.RawText)), r.Path))
            renderer.Write(report);
        text.Flush();
    }
}
