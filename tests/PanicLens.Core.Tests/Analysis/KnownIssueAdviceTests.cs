using PanicLens.Analysis;
using PanicLens.Knowledge;

namespace PanicLens.Core.Tests.Analysis;

public sealed class KnownIssueAdviceTests
{
    private static readonly KnowledgeBase Shipped = KnowledgeLoader.Load();

    [Fact]
    public void Seed_matches_the_inet_diag_issue_with_its_upstream_fix()
    {
        var diagnosis = new Diagnoser(Shipped).Diagnose(TestReports.Seed());

        var issue = diagnosis.KnownIssues[0];
        Assert.Equal("inet-diag-ipv4-synrecv-on-ipv6-listener", issue.Id);
        Assert.Contains("inet_diag: fix oops for IPv4 AF_INET6 TCP SYN-RECV state", issue.Fix);
        Assert.Contains("v3.8", issue.Fix);
        Assert.NotEmpty(issue.References);
    }

    [Fact]
    public void Seed_mitigations_put_no_reboot_fixes_first_and_verdicts_last()
    {
        var mitigations = new Diagnoser(Shipped).Diagnose(TestReports.Seed()).Mitigations;

        Assert.NotEmpty(mitigations);
        var firstReboot = mitigations.ToList().FindIndex(m => m.RebootRequired && m.RemovesTrigger != "no");
        var lastNoReboot = mitigations.ToList().FindLastIndex(m => !m.RebootRequired && m.RemovesTrigger != "no");
        Assert.True(lastNoReboot < firstReboot, "a no-reboot mitigation came after one that needs a reboot");
        Assert.All(mitigations.SkipWhile(m => m.RemovesTrigger != "no"), m => Assert.Equal("no", m.RemovesTrigger));
        Assert.Contains(mitigations, m => m.Commands.Any(c => c.Contains("rmmod tcp_diag inet_diag", StringComparison.Ordinal)));
    }

    [Fact]
    public void Runtime_disable_ipv6_is_said_not_to_remove_the_trigger()
    {
        var verdict = new Diagnoser(Shipped).Diagnose(TestReports.Seed()).Mitigations.Single(m => m.Id == "runtime-disable-ipv6-is-not-enough");

        Assert.Equal("no", verdict.RemovesTrigger);
        Assert.False(verdict.RebootRequired);
        Assert.Contains("listening sockets", verdict.Notes);
    }

    [Fact]
    public void A_report_of_another_kernel_path_matches_nothing()
    {
        var diagnosis = new Diagnoser(Shipped).Diagnose(TestReports.RadeonI386());

        Assert.DoesNotContain(diagnosis.KnownIssues, i => i.Id == "inet-diag-ipv4-synrecv-on-ipv6-listener");
    }

    [Fact]
    public void Without_a_knowledge_base_the_lists_are_empty()
    {
        var diagnosis = new Diagnoser().Diagnose(TestReports.Seed());

        Assert.Empty(diagnosis.KnownIssues);
        Assert.Empty(diagnosis.Mitigations);
    }
}
