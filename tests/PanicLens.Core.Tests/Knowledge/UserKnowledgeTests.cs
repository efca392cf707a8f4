using PanicLens.Knowledge;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>An operator adds an issue in a directory of their own; no code changes.</summary>
public sealed class UserKnowledgeTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("paniclens-userkb-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_user_directory_adds_an_entry_that_matches_reports()
    {
        File.WriteAllText(Path.Combine(directory, "vendor-nic.yml"), """
            id: acme-nic-tx-timeout
            title: ACME NIC driver oops in acme_xmit on old firmware
            summary: Our fleet's NIC driver faults in acme_xmit; firmware 2.1 fixes it.
            match:
              functions: [acme_xmit]
              modules: [acme]
            boost:
              comms: ["kworker/*"]
            references:
              - url: https://wiki.example.com/acme-nic
            mitigations:
              - id: firmware
                title: Update NIC firmware
                rebootRequired: true
                removesTrigger: "yes"
                commands:
                  persistent: [acme-fwupdate --latest]
                risk: link drops while flashing
            tests:
              matches:
                - function: acme_xmit.isra.2
                  module: acme
              nearMisses:
                - function: acme_xmit
                  module: other
                  why: same name in another driver
            """);
        var kb = KnowledgeLoader.Load([directory]);
        Assert.True(kb.Issues.Count > 1);
        var report = new CrashReport { Source = "t", StartLine = 1, EndLine = 1, Lines = [] };
        report.Function = "acme_xmit";
        report.Module = "acme";
        report.Process = new ProcessInfo("kworker/3:1", 99);
        var match = Assert.Single(kb.Match(report));
        Assert.Equal("acme-nic-tx-timeout", match.Issue.Id);
        Assert.Contains(match.Reasons, r => r.Contains("kworker/3:1", StringComparison.Ordinal) && r.Contains("strengthens", StringComparison.Ordinal));
    }
}
