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
    /// <param name="host">The host that printed the report, when not the file's.</param>
    public static NewReport From(CrashReport report, long lineBase, bool pending, string? host = null)
    {
        var raw = new StringBuilder();
        foreach (var line in report.Lines)
            raw.Append(line.Text).Append('\n');
        var text = raw.ToString();
        return new NewReport
        {
            ContentHash = Sha256.Hex(text),
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
            LineNumbers = Ranges(report.Lines.Select(l => l.Number + lineBase)),
            Host = host,
        };
    }

    /// <summary>Line numbers as ranges: `12-40,43,45-47`.</summary>
    public static string Ranges(IEnumerable<long> numbers)
    {
        var text = new StringBuilder();
        long start = -1, last = -1;
        void Close()
        {
            if (start < 0)
                return;
            text.Append(text.Length > 0 ? "," : "").Append(start);
            if (last > start)
                text.Append('-').Append(last);
        }
        foreach (var n in numbers)
        {
            if (n == last + 1 && start >= 0)
            {
                last = n;
                continue;
            }
            Close();
            (start, last) = (n, n);
        }
        Close();
        return text.ToString();
    }

    /// <summary>The numbers of <see cref="Ranges"/> again; null when the text is no such list.</summary>
    public static List<long>? Numbers(string? ranges)
    {
        if (string.IsNullOrEmpty(ranges))
            return null;
        var numbers = new List<long>();
        foreach (var part in ranges.Split(','))
        {
            var dash = part.IndexOf('-');
            if (!long.TryParse(dash < 0 ? part : part[..dash], out var from) || !long.TryParse(dash < 0 ? part : part[(dash + 1)..], out var to) || to < from)
                return null;
            for (var n = from; n <= to; n++)
                numbers.Add(n);
        }
        return numbers;
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
