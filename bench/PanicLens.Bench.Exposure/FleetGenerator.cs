using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Bench.Exposure;

/// <summary>
/// Writes a fleet of check documents: the four fixture hosts inspected for real, then repeated with a host
/// name per copy and a spread of exposure outcomes, so the files have the size and shape `check` writes.
/// </summary>
public static class FleetGenerator
{
    private static readonly string[] Fixtures = ["seed-xen-dom0", "rhel7-kdump", "ubuntu2204-nokdump", "rhel9-notloaded"];

    public static IReadOnlyList<string> Write(string directory, int count, IReadOnlyList<KnownIssue> issues)
    {
        var reports = Fixtures.Select(f => HostInspector.Inspect(new HostTree(FixtureRoot(f)), issues)).ToList();
        var files = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var template = reports[i % reports.Count];
            var exposure = template.Exposure.Select(e => Vary(e, i)).ToList();
            var report = template with
            {
                Facts = template.Facts with { Hostname = $"host-{i:D5}.fleet.example" },
                Exposure = exposure,
            };
            var path = Path.Combine(directory, $"host-{i:D5}.json");
            using (var stream = File.Create(path))
                ReadinessJson.Write(report, stream);
            files.Add(path);
        }
        return files;
    }

    // One host in seven is mitigated and one in thirteen could not be judged, on top of the fixture's verdict.
    private static IssueExposure Vary(IssueExposure exposure, int i) =>
        i % 13 == 0 ? exposure with { Exposed = null, Mitigated = null }
        : i % 7 == 0 && exposure.Exposed == true ? exposure with { Mitigated = true }
        : exposure;

    private static string FixtureRoot(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
            dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("PanicLens.slnx not found above " + AppContext.BaseDirectory);
        return Path.Combine(root, "tests", "PanicLens.Core.Tests", "Fixtures", "hosts", name);
    }
}
