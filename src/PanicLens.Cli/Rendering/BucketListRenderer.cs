using System.Text.Json;
using PanicLens.Storage;
using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Rendering;

/// <summary>`buckets` output: text lines, a markdown table, or the JSON contract `{"schemaVersion":1,"buckets":[...]}`.</summary>
public static class BucketListRenderer
{
    public static void Write(IReadOnlyList<BucketSummary> buckets, string format, CliIo io)
    {
        if (format == "json")
        {
            StoreJson.Document(io.Stdout, json => StoreJson.Objects(json, "buckets", buckets, WriteMembers));
            return;
        }
        using var text = io.OpenText();
        if (format == "markdown")
            WriteMarkdown(text, buckets);
        else
            WriteText(text, buckets);
    }

    public static void WriteJson(Utf8JsonWriter json, BucketSummary bucket)
    {
        json.WriteStartObject();
        WriteMembers(json, bucket);
        json.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter json, BucketSummary bucket)
    {
        json.WriteString("id", bucket.Id);
        json.WriteString("title", bucket.Title);
        json.WriteString("type", bucket.Type);
        json.WriteNumber("count", bucket.Count);
        WriteStrings(json, "hosts", bucket.Hosts);
        WriteStrings(json, "kernels", bucket.Kernels);
        json.WriteString("firstSeen", bucket.FirstSeen);
        json.WriteString("lastSeen", bucket.LastSeen);
        json.WriteString("knownIssue", bucket.KnownIssue);
        json.WriteStartObject("keys");
        json.WriteString("exact", bucket.Keys.Exact);
        json.WriteString("stack", bucket.Keys.Stack);
        json.WriteString("title", bucket.Keys.Title);
        json.WriteString("domain", bucket.Keys.Domain);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteText(TextWriter text, IReadOnlyList<BucketSummary> buckets)
    {
        foreach (var b in buckets)
        {
            text.WriteLine($"{b.Count,6}  {b.Id}  {Palette.Clean(b.Title)}");
            text.WriteLine("        " + Words.Format("buckets.hosts-kernels", Count(b.Hosts.Count, "host"), List(b.Hosts), List(b.Kernels)));
            text.WriteLine("        " + Words.Format("buckets.seen", b.FirstSeen, b.LastSeen)
                + (b.KnownIssue is null ? "" : Words.Format("buckets.known-issue", b.KnownIssue)));
        }
        text.WriteLine(Words.Format("buckets.total", Count(buckets.Count, "bucket"), Count(buckets.Sum(b => b.Count), "report")));
    }

    private static void WriteMarkdown(TextWriter text, IReadOnlyList<BucketSummary> buckets)
    {
        text.WriteLine(Words.Get("buckets.markdown-heading"));
        text.WriteLine("|---:|---|---|---|---|---|---|---|");
        foreach (var b in buckets)
            text.WriteLine($"| {b.Count} | `{b.Id}` | {Cell(b.Title)} | {Cell(List(b.Hosts))} | {Cell(List(b.Kernels))} | {b.FirstSeen} | {b.LastSeen} | {Cell(b.KnownIssue ?? "")} |");
    }

    /// <summary>Log text in a table cell: no pipes, no HTML, no backticks, no line breaks.</summary>
    private static string Cell(string s) => Palette.Clean(s).Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;")
        .Replace(">", "&gt;").Replace("`", "\\`").Replace("*", "\\*").Replace("_", "\\_");

    private static string List(IReadOnlyList<string> values, int shown = 5) =>
        values.Count == 0 ? "-" : values.Count <= shown
            ? Palette.Clean(string.Join(", ", values))
            : Palette.Clean(string.Join(", ", values.Take(shown))) + Words.Format("buckets.more", values.Count - shown);

    /// <summary>`1 host`, `3 hosts`: the key `count.WORD.one` or `count.WORD.other` (Chinese has one form for both).</summary>
    public static string Count(long n, string word) => Words.Format(n == 1 ? $"count.{word}.one" : $"count.{word}.other", n);
}
