using System.Text.Json;

namespace PanicLens.Readiness;

/// <summary>Builds a <see cref="FleetExposure"/> from many check documents. A bad file is counted, never fatal.</summary>
public static class FleetExposureReader
{
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
        var exposed = new List<FleetHost>();
        var undecided = new List<FleetHost>();
        var unreadable = new List<HostFile>();
        int notMitigated = 0, mitigated = 0, mitigationUnknown = 0, notExposed = 0, unknown = 0, notEvaluated = 0;
        foreach (var file in files)
        {
            ReadinessReport report;
            try
            {
                using var stream = File.OpenRead(file);
                report = ReadinessJson.Read(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                unreadable.Add(new HostFile(file, null, e.Message));
                continue;
            }
            var entry = report.Exposure.FirstOrDefault(x => x.KnownIssue == knownIssue);
            var host = new FleetHost(report.Facts.Hostname ?? Path.GetFileNameWithoutExtension(file), file,
                report.Facts.KernelRelease, entry?.Exposed, entry?.Mitigated);
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
}
