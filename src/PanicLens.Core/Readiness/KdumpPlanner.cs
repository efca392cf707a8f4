namespace PanicLens.Readiness;

/// <summary>Builds the ordered kdump steps for a distribution, sized for the host's RAM when it is known.</summary>
public static class KdumpPlanner
{
    public static readonly string[] Distros = ["rhel6", "rhel7", "rhel8", "rhel9", "debian", "ubuntu", "suse"];

    /// <summary>The value used when RAM is unknown: kdump-utils' x86_64 default ranges.</summary>
    public const string RangeDefault = "1G-4G:192M,4G-64G:256M,64G-:512M";

    public static KdumpPlan Plan(string distro, bool xen, long? ramBytes)
    {
        if (!Distros.Contains(distro))
            throw new ArgumentException($"unknown distribution '{distro}' (expected {string.Join(", ", Distros)})", nameof(distro));
        // Ranges need no RAM figure, but Xen 4.0's parser only reads size[@base].
        var size = ramBytes is { } ram ? CrashKernelSize.Format(CrashKernelSize.RecommendedBytes(ram))
            : xen ? "256M" : RangeDefault;
        var steps = new List<KdumpPlanStep>();
        foreach (var row in KdumpPlanSteps.All)
        {
            if (!row.AppliesTo(distro, xen))
                continue;
            var commands = row.Commands.Select(c => c.Replace("{size}", size, StringComparison.Ordinal)).ToList();
            steps.Add(new KdumpPlanStep(steps.Count + 1, row.Title, commands, row.Why));
        }
        return new KdumpPlan(distro, xen, ramBytes, size, steps);
    }
}
