using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>Host exposure to the shipped known issues, judged from the fixture trees.</summary>
public sealed class ExposureTests
{
    private const string InetDiag = "inet-diag-ipv4-synrecv-on-ipv6-listener";
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load();

    private static IssueExposure ExposureOf(HostFixture fixture) =>
        Assert.Single(fixture.Inspect(Knowledge.Issues).Exposure, e => e.KnownIssue == InetDiag);

    [Fact]
    public void The_seed_host_is_exposed_to_the_inet_diag_bug_and_not_mitigated()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        var exposure = ExposureOf(fixture);
        Assert.True(exposure.Exposed);
        Assert.False(exposure.Mitigated);
        Assert.Contains(exposure.Evidence, e => e.StartsWith("/proc/sys/kernel/osrelease: 2.6.32.36-xen is in", StringComparison.Ordinal));
        Assert.Contains(exposure.Evidence, e => e.StartsWith("/proc/net/tcp6: 2 socket(s) in LISTEN", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocking_and_unloading_the_diag_modules_counts_as_mitigated()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        fixture.Write("/etc/modprobe.d/disable-inet-diag.conf", "install tcp_diag /bin/false\ninstall inet_diag /bin/false\n");
        var modules = File.ReadAllLines(Path.Join(fixture.Root, "proc/modules")).Where(l => !l.Contains("_diag ", StringComparison.Ordinal));
        fixture.Write("/proc/modules", string.Join("\n", modules) + "\n");
        var exposure = ExposureOf(fixture);
        Assert.True(exposure.Exposed);
        Assert.True(exposure.Mitigated);
    }

    [Fact]
    public void The_blocking_file_alone_is_not_a_mitigation_while_the_modules_are_still_loaded()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        fixture.Write("/etc/modprobe.d/disable-inet-diag.conf", "install inet_diag /bin/false\n");
        Assert.False(ExposureOf(fixture).Mitigated);
    }

    [Fact]
    public void Without_an_IPv6_stack_the_seed_kernel_is_not_exposed()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        File.Delete(Path.Join(fixture.Root, "proc/net/tcp6"));
        var exposure = ExposureOf(fixture);
        Assert.False(exposure.Exposed);
    }

    [Fact]
    public void Without_proc_net_at_all_exposure_is_unknown_not_no()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        Directory.Delete(Path.Join(fixture.Root, "proc/net"), recursive: true);
        Assert.Null(ExposureOf(fixture).Exposed);
    }

    [Theory]
    [InlineData("rhel7-kdump")]
    [InlineData("ubuntu2204-nokdump")]
    [InlineData("rhel9-notloaded")]
    public void Kernels_with_the_fix_are_not_exposed(string host)
    {
        using var fixture = new HostFixture(host);
        Assert.False(ExposureOf(fixture).Exposed);
    }

    private static bool? KernelVerdict(string host, string range)
    {
        using var fixture = new HostFixture(host);
        var tree = new HostTree(fixture.Root);
        var context = new HostContext(tree, HostFactsReader.Read(tree, []));
        var conditions = new HostExposure { Kernel = [KernelRange.TryParse(range, out _)!] };
        return ExposureEvaluator.Evaluate("test", conditions, context).Exposed;
    }

    [Theory]
    [InlineData("rhel7-kdump", "< 4.9", null)]               // 3.10.0-1160.el7 may carry the backport
    [InlineData("rhel7-kdump", "< 3.8", false)]              // its base is past the range: decisive
    [InlineData("rhel7-kdump", "< 3.10.0-1062", false)]      // a range in RHEL release numbers is decisive
    [InlineData("rhel7-kdump", "< 3.10.0-1200", true)]
    [InlineData("seed-xen-dom0", "< 3.8", true)]             // 2.6.32.36-xen is an upstream stable number
    public void Upstream_ranges_decide_distribution_kernels_only_when_outside_them(string host, string range, bool? exposed)
    {
        Assert.Equal(exposed, KernelVerdict(host, range));
    }
}
