using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

public sealed class HostFactsTests
{
    [Fact]
    public void The_seed_host_reads_as_a_Xen_4_0_1_Dom0_with_an_IPv6_listener_and_inet_diag_loaded()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        var facts = fixture.Inspect().Facts;
        Assert.Equal("2.6.32.36-xen", facts.KernelRelease);
        Assert.True(facts.Xen.Dom0);
        Assert.Equal("4.0.1", facts.Xen.Version);
        Assert.Contains("noreboot", facts.Xen.CommandLine);
        Assert.Equal("/boot/grub/grub.conf", facts.Boot?.ConfigPath);
        Assert.StartsWith("/vmlinuz-2.6.32.36-xen", facts.Boot?.KernelLine);
        Assert.True(facts.HasModule("inet_diag"));
        Assert.True(facts.HasModule("tcp_diag"));
        Assert.Equal([22, 8080], facts.Ipv6!.TcpListenPorts);
        Assert.Equal("0", facts.Sysctls["net.ipv6.conf.all.disable_ipv6"]);
        Assert.Equal(DistroFamily.Rhel, facts.Distro.Family);
        Assert.Equal("rhel6", facts.Distro.PlanKey);
        Assert.Equal(16193536, facts.MemTotalKiB);
    }

    [Theory]
    [InlineData("rhel7-kdump", "rhel", "7.9", "rhel7", "/boot/grub2/grub.cfg")]
    [InlineData("ubuntu2204-nokdump", "ubuntu", "22.04", "ubuntu", "/boot/grub/grub.cfg")]
    [InlineData("rhel9-notloaded", "rhel", "9.3", "rhel9", "/boot/loader/entries/3c1f0a9e8b2d4e6f9a7b5c3d1e0f2a4b-5.14.0-362.8.1.el9_3.x86_64.conf")]
    public void Distribution_and_boot_entry_are_found(string host, string id, string version, string planKey, string bootConfig)
    {
        using var fixture = new HostFixture(host);
        var facts = fixture.Inspect().Facts;
        Assert.Equal(id, facts.Distro.Id);
        Assert.Equal(version, facts.Distro.VersionId);
        Assert.Equal(planKey, facts.Distro.PlanKey);
        Assert.Equal(bootConfig, facts.Boot?.ConfigPath);
        Assert.False(facts.Xen.Hypervisor);
        Assert.Contains(facts.KernelRelease!, facts.Boot!.KernelLine);
    }

    [Fact]
    public void An_empty_tree_gives_no_pass_and_lists_what_it_could_not_read()
    {
        var root = Directory.CreateTempSubdirectory("paniclens-empty-").FullName;
        try
        {
            var report = HostInspector.Inspect(new HostTree(root));
            Assert.DoesNotContain(report.Checks, c => c.Status == CheckStatus.Pass);
            Assert.Contains(report.Facts.Unreadable, f => f.Path == "/proc/cmdline");
            Assert.Contains(report.Checks, c => c.Id == "kdump.loaded" && c.Status == CheckStatus.Unknown && c.Evidence[0].Contains("/sys/kernel/kexec_crash_loaded"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void The_running_machine_can_be_inspected_without_error()
    {
        var report = HostInspector.Inspect(new HostTree("/"));
        Assert.NotEmpty(report.Checks);
        Assert.All(report.Facts.Unreadable, f => Assert.False(string.IsNullOrEmpty(f.Problem)));
    }
}
