namespace PanicLens.Readiness;

/// <summary>
/// A row of the kdump plan table. <see cref="Distros"/> lists the plan keys it applies to ("*" for all);
/// <see cref="Xen"/> restricts it to Xen Dom0 (true) or other hosts (false), null for both. Commands may use
/// {size} (the crashkernel= value).
/// </summary>
public sealed record KdumpPlanTemplate(string[] Distros, bool? Xen, string Title, string[] Commands, string Why)
{
    public static readonly string[] Rhel = ["rhel6", "rhel7", "rhel8", "rhel9"];
    public static readonly string[] Systemd = ["rhel7", "rhel8", "rhel9", "debian", "ubuntu", "suse"];
    public static readonly string[] DebianLike = ["debian", "ubuntu"];

    public bool AppliesTo(string distro, bool xen) =>
        (Distros.Contains("*") || Distros.Contains(distro)) && (Xen is null || Xen == xen);
}
