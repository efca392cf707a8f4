namespace PanicLens.Readiness;

/// <summary>The ordered steps to enable kdump on one kind of host.</summary>
/// <param name="Distro">Plan key: rhel6, rhel7, rhel8, rhel9, debian, ubuntu or suse.</param>
/// <param name="Xen">Whether the host is a Xen Dom0 (the reservation moves to the hypervisor line).</param>
/// <param name="RamBytes">RAM the size was chosen for; null when unknown (then the size is a range expression).</param>
/// <param name="CrashKernel">The crashkernel= value the plan uses.</param>
/// <param name="Steps">In order.</param>
public sealed record KdumpPlan(string Distro, bool Xen, long? RamBytes, string CrashKernel, IReadOnlyList<KdumpPlanStep> Steps);
