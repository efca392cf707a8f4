using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

public sealed class FleetExposureReaderTests : IDisposable
{
    private const string InetDiag = "inet-diag-ipv4-synrecv-on-ipv6-listener";
    private readonly string directory = Directory.CreateTempSubdirectory("paniclens-fleet-core-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Each_file_lands_in_exactly_one_count_and_bad_ones_say_why()
    {
        using var seed = new HostFixture("seed-xen-dom0");
        var good = Write("seed.json", ReadinessJson.Serialize(seed.Inspect(KnowledgeLoader.Load().Issues)));
        var files = new List<string>
        {
            good,
            Write("empty.json", ""),
            Write("garbage.json", "\u0001\u0002 not json"),
            Write("v2.json", """{"schemaVersion":2,"host":{},"exposure":[]}"""),
            Write("no-exposure.json", """{"schemaVersion":1,"host":{"hostname":"h"},"checks":[]}"""),
            Write("other-kb.json", """{"schemaVersion":1,"host":{"hostname":"old","kernelRelease":"2.6.32"},"checks":[],"exposure":[{"knownIssue":"x","exposed":true,"mitigated":false,"evidence":[]}]}"""),
            Write("undecided.json", """{"schemaVersion":1,"host":{"hostname":"u"},"exposure":[{"knownIssue":"inet-diag-ipv4-synrecv-on-ipv6-listener","exposed":null,"mitigated":null,"evidence":["a"]}]}"""),
            Path.Combine(directory, "missing.json"),
        };
        var fleet = FleetExposureReader.Read(InetDiag, files);
        Assert.Equal(files.Count, fleet.Files);
        Assert.Equal(1, fleet.ExposedNotMitigated);
        Assert.Equal("xen-dom0-seed", Assert.Single(fleet.Exposed).Host);
        Assert.Equal(1, fleet.NotEvaluated);
        Assert.Equal(1, fleet.Unknown);
        Assert.Equal(5, fleet.Unreadable.Count);
        Assert.Contains(fleet.Unreadable, u => u.Path.EndsWith("v2.json", StringComparison.Ordinal) && u.Problem!.Contains("schemaVersion 2"));
        Assert.All(fleet.Unreadable, u => Assert.False(string.IsNullOrEmpty(u.Problem)));
        Assert.Equal(fleet.Files, fleet.ExposedTotal + fleet.NotExposed + fleet.Unknown + fleet.NotEvaluated + fleet.Unreadable.Count);
    }
}
