using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>The readiness tables load and are consistent.</summary>
public sealed class ReadinessTableTests
{
    [Fact]
    public void Check_ids_are_unique_dotted_and_include_every_required_one()
    {
        var ids = ReadinessChecks.All.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ReadinessChecks.All, c => Assert.Matches("^[a-z]+\\.[a-z]+$", c.Id));
        Assert.All(ReadinessChecks.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
        foreach (var id in (string[])["kdump.reserved", "kdump.loaded", "kdump.service", "kdump.target", "panic.policy", "oob.serial", "oob.netconsole", "xen.crashkernel", "xen.reboot"])
            Assert.Contains(id, ids);
        Assert.All(ReadinessChecks.All.Where(c => c.Id.StartsWith("xen.", StringComparison.Ordinal)), c => Assert.Equal(CheckScope.XenDom0, c.Scope));
    }

    [Fact]
    public void Every_check_reports_the_id_it_is_filed_under()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        var tree = new HostTree(fixture.Root);
        var host = new HostContext(tree, HostFactsReader.Read(tree, []));
        foreach (var check in ReadinessChecks.All)
            Assert.Equal(check.Id, check.Evaluate(host).Id);
    }

    [Fact]
    public void Size_and_panic_tables_are_ordered_and_explained()
    {
        var sizes = CrashKernelSize.Recommended;
        for (var i = 1; i < sizes.Length; i++)
        {
            Assert.True(sizes[i].MinRamGiB > sizes[i - 1].MinRamGiB);
            Assert.True(sizes[i].RecommendedMiB >= sizes[i - 1].RecommendedMiB);
        }
        Assert.All(sizes, s => Assert.False(string.IsNullOrWhiteSpace(s.Why)));
        Assert.All(PanicSetting.All, p => Assert.Contains(p.Key, SysctlKey.Read.Select(k => k.Key)));
        Assert.All(KdumpLayout.All, l => Assert.NotEmpty(l.ConfigFiles));
    }
}
