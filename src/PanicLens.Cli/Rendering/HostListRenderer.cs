using System.Text.Json;
using PanicLens.Storage;
using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Rendering;

/// <summary>`hosts` output: one line per host, or `{"schemaVersion":1,"hosts":[...]}`.</summary>
public static class HostListRenderer
{
    public static void Write(IReadOnlyList<HostSummary> hosts, string format, CliIo io)
    {
        if (format == "json")
        {
            StoreJson.Document(io.Stdout, json => StoreJson.Objects(json, "hosts", hosts, (j, h) =>
            {
                j.WriteString("name", h.Name);
                j.WriteNumber("reports", h.Reports);
                j.WriteString("lastCrash", h.LastCrash);
                j.WriteString("lastTitle", h.LastTitle);
                j.WriteString("lastKernel", h.LastKernel);
                j.WriteString("lastBoot", h.LastBoot);
                j.WriteString("lastBootKernel", h.LastBootKernel);
                j.WriteNumber("files", h.Files);
                j.WriteString("lastScanned", h.LastScanned);
            }));
            return;
        }
        using var text = io.OpenText();
        foreach (var h in hosts)
            text.WriteLine(Words.Format("hosts.line", $"{Palette.Clean(h.Name),-24}", $"{h.Reports,6}", $"{h.LastCrash ?? "-",-24}", $"{Palette.Clean(h.LastKernel ?? "-"),-20}",
                $"{h.LastBoot ?? "-",-24}", $"{Palette.Clean(h.LastBootKernel ?? "-"),-20}", Palette.Clean(h.LastTitle ?? "")));
        text.WriteLine(Words.Format("hosts.total", BucketListRenderer.Count(hosts.Count, "host")));
    }
}
