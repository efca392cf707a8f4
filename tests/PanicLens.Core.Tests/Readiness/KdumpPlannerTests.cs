using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

public sealed class KdumpPlannerTests
{
    public static TheoryData<string> Distros() => new(KdumpPlanner.Distros);

    [Theory]
    [MemberData(nameof(Distros))]
    public void Every_distribution_gets_install_reserve_enable_reboot_verify_test_and_find_in_that_order(string distro)
    {
        foreach (var xen in (bool[])[false, true])
        {
            var titles = KdumpPlanner.Plan(distro, xen, 32L << 30).Steps.Select(s => s.Title).ToList();
            var order = new[] { "Install", "Reserve", "Set the dump target", "Make every oops", "Enable", "Drain", "Verify kdump", "Test once", "Find the vmcore" }
                .Select(prefix => titles.FindIndex(t => t.StartsWith(prefix, StringComparison.Ordinal)))
                .ToList();
            Assert.DoesNotContain(-1, order);
            Assert.Equal(order.OrderBy(i => i), order);
            Assert.Equal(titles.Count, titles.Distinct().Count());
        }
    }

    [Fact]
    public void On_Xen_the_reservation_goes_on_the_hypervisor_line_with_a_base_address()
    {
        var plan = KdumpPlanner.Plan("rhel6", xen: true, ramBytes: 15814L << 20);
        var reserve = Assert.Single(plan.Steps, s => s.Title.StartsWith("Reserve", StringComparison.Ordinal));
        Assert.Contains("hypervisor", reserve.Title);
        Assert.Contains("crashkernel=256M@64M", reserve.Commands[0]);
        Assert.Contains(plan.Steps, s => s.Commands.Any(c => c.Contains("makedumpfile -c -X -d 31", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_size_follows_RAM_and_falls_back_to_ranges_when_RAM_is_unknown()
    {
        Assert.Equal("512M", KdumpPlanner.Plan("rhel9", false, 256L << 30).CrashKernel);
        Assert.Equal("192M", KdumpPlanner.Plan("rhel9", false, 2L << 30).CrashKernel);
        Assert.Equal(KdumpPlanner.RangeDefault, KdumpPlanner.Plan("rhel9", false, null).CrashKernel);
        Assert.Contains(KdumpPlanner.Plan("ubuntu", false, null).Steps, s => s.Commands.Any(c => c.Contains("crashkernel=" + KdumpPlanner.RangeDefault, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_template_row_applies_to_some_distribution()
    {
        foreach (var row in KdumpPlanSteps.All)
            Assert.True(KdumpPlanner.Distros.Any(d => row.AppliesTo(d, true) || row.AppliesTo(d, false)), row.Title);
    }
}
