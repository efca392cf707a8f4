using PanicLens.Knowledge;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>The seed crash (ss → inet_diag on a 2.6.32 Xen Dom0) finds its upstream bug and the ranked mitigations.</summary>
public sealed class SeedKnownIssueTests
{
    private const string Id = "inet-diag-ipv4-synrecv-on-ipv6-listener";
    private static readonly KnowledgeBase Shipped = KnowledgeLoader.Load();

    private static CrashReport SeedReport()
    {
        var report = new CrashReport { Source = "seed", StartLine = 1, EndLine = 1, Lines = [new LogLine(1, "BUG: unable to handle kernel paging request at ffff8802ea75bb00", null, null)] };
        report.Title = "BUG: unable to handle kernel paging request in ipv6_addr_copy";
        report.Function = "ipv6_addr_copy";
        report.GuiltyFrame = "ipv6_addr_copy";
        report.Module = "inet_diag";
        report.Kernel = "2.6.32.36-xen";
        report.Process = new ProcessInfo("ss", 29755);
        report.Panic = "Fatal exception in interrupt";
        string[] names = ["inet_diag_dump", "alloc_skb", "netlink_dump", "netlink_dump_start", "inet_diag_rcv_msg", "netlink_rcv_skb", "inet_diag_rcv", "netlink_unicast", "netlink_sendmsg", "sock_sendmsg", "sys_sendmsg", "system_call_fastpath"];
        report.Stacks.Add(new CallTrace(StackKind.Task, names.Select(n => new Frame(n, "0", "1", null, n != "alloc_skb")).ToList()));
        return report;
    }

    [Fact]
    public void The_seed_report_matches_the_inet_diag_fix_first_with_reasons()
    {
        var matches = Shipped.Match(SeedReport());
        var best = matches[0];
        Assert.Equal(Id, best.Issue.Id);
        Assert.True(best.KernelInRange);
        Assert.Equal("inet_diag: fix oops for IPv4 AF_INET6 TCP SYN-RECV state", best.Issue.Fix?.Subject);
        Assert.Equal("3.8", best.Issue.Fix?.Version);
        Assert.Contains(best.Reasons, r => r.Contains("ipv6_addr_copy", StringComparison.Ordinal));
        Assert.Contains(best.Reasons, r => r.Contains("< 3.8", StringComparison.Ordinal));
        Assert.Contains(best.Reasons, r => r.Contains("process ss", StringComparison.Ordinal));
    }

    [Fact]
    public void Mitigations_come_ranked_reboot_free_first_and_runtime_disable_ipv6_is_not_a_fix()
    {
        var ranked = KnowledgeBase.Rank(Shipped.Find(Id)!.Mitigations).Select(m => m.Id).ToList();
        Assert.Equal(
            ["stop-ss-syn-recv-dumps", "block-diag-modules", "hot-swap-patched-inet-diag", "single-stack-listeners",
             "ipv6-disable-at-boot", "kernel-with-fix", "runtime-disable-ipv6-is-not-enough", "keep-a-core-dump"],
            ranked);
        var sysctl = Shipped.Find(Id)!.Mitigations.Single(m => m.Id == "runtime-disable-ipv6-is-not-enough");
        Assert.Equal(RemovesTrigger.No, sysctl.RemovesTrigger);
        Assert.False(sysctl.RebootRequired);
        var boot = Shipped.Find(Id)!.Mitigations.Single(m => m.Id == "ipv6-disable-at-boot");
        Assert.Equal((RemovesTrigger.Yes, true), (boot.RemovesTrigger, boot.RebootRequired));
        Assert.All(Shipped.Find(Id)!.Mitigations, m => Assert.All(m.Preconditions, p => Assert.False(string.IsNullOrWhiteSpace(p.Check))));
    }

    [Fact]
    public void The_host_section_names_the_ipv6_listener_and_the_module_block()
    {
        var host = Shipped.Find(Id)!.Host!;
        var socket = Assert.Single(host.Sockets);
        Assert.Equal(("/proc/net/tcp6", "0A"), (socket.File, socket.StateCode));
        Assert.Contains(host.Mitigated, m => m.Mitigation == "block-diag-modules" && m.ModulesAbsent.Contains("inet_diag"));
        Assert.Contains(host.Mitigated, m => m.Cmdline.Contains("ipv6.disable=1"));
        Assert.True(KernelVersion.TryParse("2.6.32.36-xen", out var seed));
        Assert.Contains(host.Kernel, r => r.Contains(seed));
    }
}
