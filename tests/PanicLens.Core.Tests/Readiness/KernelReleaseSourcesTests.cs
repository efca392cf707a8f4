using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>The kernel release of a collected tree without /proc/sys/kernel/osrelease, and what it decides.</summary>
public sealed class KernelReleaseSourcesTests
{
    private const string InetDiag = "inet-diag-ipv4-synrecv-on-ipv6-listener";
    private const string SeedProcVersion = "Linux version 2.6.32.36-xen (root@build-01) (gcc version 4.4.7 20120313 (Red Hat 4.4.7-4) (GCC) ) #1 SMP Fri Apr 1 12:00:00 CST 2011\n";
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load();

    [Theory]
    [InlineData(SeedProcVersion, KernelReleaseForm.ProcVersion, "2.6.32.36-xen")]
    [InlineData("Linux version 5.14.0-362.8.1.el9_3.x86_64 (mockbuild@x86-vm-07.build.eng.bos.redhat.com) (gcc (GCC) 11.4.1) #1 SMP PREEMPT_DYNAMIC\n", KernelReleaseForm.ProcVersion, "5.14.0-362.8.1.el9_3.x86_64")]
    [InlineData("Linux dom0-7 2.6.32.36-xen #1 SMP Fri Apr 1 12:00:00 CST 2011 x86_64 x86_64 x86_64 GNU/Linux\n", KernelReleaseForm.UnameAll, "2.6.32.36-xen")]
    [InlineData("6.1.0-18-amd64\n", KernelReleaseForm.Whole, "6.1.0-18-amd64")]
    [InlineData("Linux is the kernel\n", KernelReleaseForm.ProcVersion, null)]
    [InlineData("two words\n", KernelReleaseForm.Whole, null)]
    [InlineData("", KernelReleaseForm.UnameAll, null)]
    public void Each_form_yields_the_release_or_nothing(string text, KernelReleaseForm form, string? release) =>
        Assert.Equal(release, KernelReleaseSources.Parse(text, form));

    [Theory]
    [InlineData("/proc/version", SeedProcVersion)]
    [InlineData("/uname-r", "2.6.32.36-xen\n")]
    [InlineData("/sos_commands/kernel/uname_-a", "Linux dom0-7 2.6.32.36-xen #1 SMP Fri Apr 1 12:00:00 CST 2011 x86_64 x86_64 x86_64 GNU/Linux\n")]
    public void Without_osrelease_the_seed_host_is_still_judged_exposed(string path, string text)
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        File.Delete(Path.Join(fixture.Root, "proc/sys/kernel/osrelease"));
        fixture.Write(path, text);
        var report = fixture.Inspect(Knowledge.Issues);
        Assert.Equal("2.6.32.36-xen", report.Facts.KernelRelease);
        Assert.Equal(path, report.Facts.KernelReleaseFrom);
        Assert.DoesNotContain(report.Facts.Unreadable, f => f.Path == "/proc/sys/kernel/osrelease");
        var exposure = Assert.Single(report.Exposure, e => e.KnownIssue == InetDiag);
        Assert.True(exposure.Exposed);
        Assert.Contains(exposure.Evidence, e => e.StartsWith($"{path}: 2.6.32.36-xen is in", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_source_at_all_the_kernel_condition_is_unknown_and_osrelease_is_named()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        File.Delete(Path.Join(fixture.Root, "proc/sys/kernel/osrelease"));
        var report = fixture.Inspect(Knowledge.Issues);
        Assert.Null(report.Facts.KernelRelease);
        Assert.Contains(report.Facts.Unreadable, f => f.Path == "/proc/sys/kernel/osrelease");
        Assert.Null(Assert.Single(report.Exposure, e => e.KnownIssue == InetDiag).Exposed);
    }

    [Fact]
    public void Osrelease_wins_over_a_disagreeing_proc_version()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        fixture.Write("/proc/version", "Linux version 9.9.9 (x) #1\n");
        var facts = fixture.Inspect().Facts;
        Assert.Equal("2.6.32.36-xen", facts.KernelRelease);
        Assert.Equal("/proc/sys/kernel/osrelease", facts.KernelReleaseFrom);
    }
}
