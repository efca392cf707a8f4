using System.Text.Json;

namespace PanicLens.Readiness;

/// <summary>Builds a <see cref="FleetExposure"/> from many check documents. A bad file is counted, never fatal.</summary>
public static class FleetExposureReader
{
    // A check document is tens of KB; this bound keeps a stray large file from being read whole.
    private const long MaxDocumentBytes = 64L << 20;

    /// <summary>Expands directories to their *.json files (sorted); files are taken as given.</summary>
    public static IReadOnlyList<string> ExpandInputs(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*.json");
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                files.Add(input);
            }
        }
        return files;
    }

    public static FleetExposure Read(string knownIssue, IReadOnlyList<string> files)
    {
        // Parsing dominates and each file is independent: read in parallel, count in input order.
        var documents = new (FleetDocument? Document, string? Problem)[files.Count];
        Parallel.For(0, files.Count, i => documents[i] = ReadOne(files[i], knownIssue));
        var exposed = new List<FleetHost>();
        var undecided = new List<FleetHost>();
        var unreadable = new List<HostFile>();
        int notMitigated = 0, mitigated = 0, mitigationUnknown = 0, notExposed = 0, unknown = 0, notEvaluated = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var (report, problem) = documents[i];
            var file = files[i];
            if (report is null)
            {
                unreadable.Add(new HostFile(file, null, problem));
                continue;
            }
            var entry = report.Exposure.FirstOrDefault(x => x.KnownIssue == knownIssue);
            var host = new FleetHost(report.Host.Hostname ?? Path.GetFileNameWithoutExtension(file), file,
                report.Host.KernelRelease, entry?.Exposed, entry?.Mitigated);
            switch (entry)
            {
                case null:
                    notEvaluated++;
                    break;
                case { Exposed: false }:
                    notExposed++;
                    break;
                case { Exposed: null }:
                    unknown++;
                    undecided.Add(host);
                    break;
                default:
                    exposed.Add(host);
                    _ = entry.Mitigated switch { true => mitigated++, false => notMitigated++, null => mitigationUnknown++ };
                    break;
            }
        }
        return new FleetExposure(knownIssue, files.Count, notMitigated, mitigated, mitigationUnknown, notExposed, unknown, notEvaluated, exposed, undecided, unreadable);
    }

    private static (FleetDocument?, string?) ReadOne(string file, string knownIssue)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length > MaxDocumentBytes)
                return (null, $"{length} bytes: not a check document (over {MaxDocumentBytes >> 20} MiB)");
            return (FleetDocumentReader.Read(File.ReadAllBytes(file), knownIssue), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, e.Message);
        }
    }
}
