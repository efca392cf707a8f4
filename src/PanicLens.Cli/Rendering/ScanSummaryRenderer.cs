using System.Text.Json;
using PanicLens.Cli.Localization;
using PanicLens.Cli.Scanning;

namespace PanicLens.Cli.Rendering;

/// <summary>The scan summary: a few lines of text, or the JSON contract `{"schemaVersion":1,"files",...,"skipped"}`.</summary>
public static class ScanSummaryRenderer
{
    public static void Write(ScanSummary summary, string store, string format, CliIo io)
    {
        if (format == "json")
        {
            StoreJson.Document(io.Stdout, json =>
            {
                json.WriteNumber("files", summary.Files);
                json.WriteNumber("bytes", summary.Bytes);
                json.WriteNumber("reports", summary.Reports);
                json.WriteNumber("newReports", summary.NewReports);
                json.WriteNumber("buckets", summary.Buckets);
                StoreJson.Objects(json, "skipped", summary.Skipped, (j, skipped) =>
                {
                    j.WriteString("path", skipped.Path);
                    j.WriteString("reason", skipped.Reason);
                });
            });
            return;
        }
        using var text = io.OpenText();
        text.WriteLine(Words.Format("scan.summary", summary.Files, Size(summary.Bytes), summary.Reports, summary.NewReports, summary.Buckets, Palette.Clean(store)));
        foreach (var skipped in summary.Skipped)
            text.WriteLine(Words.Format("scan.skipped", Palette.Clean(skipped.Path), Palette.Clean(skipped.Reason)));
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1 << 10 => $"{bytes} B",
        < 1 << 20 => $"{bytes / 1024.0:0.0} KiB",
        < 1 << 30 => $"{bytes / 1048576.0:0.0} MiB",
        _ => $"{bytes / 1073741824.0:0.00} GiB",
    };
}
