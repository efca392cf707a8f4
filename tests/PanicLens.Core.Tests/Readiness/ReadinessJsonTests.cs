using System.Text;
using System.Text.Json;
using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

public sealed class ReadinessJsonTests
{
    [Fact]
    public void A_check_document_reads_back_with_the_same_verdicts_facts_and_exposure()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        var report = fixture.Inspect(KnowledgeLoader.Load().Issues);
        var json = ReadinessJson.Serialize(report);
        var back = ReadinessJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(report.Checks.Select(c => (c.Id, c.Status, c.Fix)), back.Checks.Select(c => (c.Id, c.Status, c.Fix)));
        Assert.Equal(report.Checks.SelectMany(c => c.Evidence), back.Checks.SelectMany(c => c.Evidence));
        Assert.Equal(report.Exposure.Select(e => (e.KnownIssue, e.Exposed, e.Mitigated)), back.Exposure.Select(e => (e.KnownIssue, e.Exposed, e.Mitigated)));
        Assert.Equal(report.Facts.KernelRelease, back.Facts.KernelRelease);
        Assert.Equal(report.Facts.Xen, back.Facts.Xen);
        Assert.Equal(report.Facts.Modules, back.Facts.Modules);
        Assert.Contains("\"status\": \"fail\"", json);
    }

    [Fact]
    public void Another_schema_version_is_refused()
    {
        var json = """{"schemaVersion": 2, "host": {"hostname": "h"}, "checks": [], "exposure": []}""";
        var error = Assert.Throws<JsonException>(() => ReadinessJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("schemaVersion 2", error.Message);
    }
}
