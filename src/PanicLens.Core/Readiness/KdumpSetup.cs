namespace PanicLens.Readiness;

/// <summary>
/// The kdump configuration found on a host, whatever its distribution's tooling: whether it is installed and
/// enabled, where dumps go and how they are filtered. Each value carries the file it came from in <see cref="Evidence"/>.
/// </summary>
/// <param name="Layout">The tooling family's file layout.</param>
/// <param name="ConfigPath">The configuration file read, or null when none exists (tooling not installed).</param>
/// <param name="Enabled">True/false when the service links or USE_KDUMP say so; null when that could not be read.</param>
/// <param name="TargetKind">local, nfs, ssh or raw.</param>
/// <param name="TargetPath">Directory (on the target) where vmcores land.</param>
/// <param name="TargetDevice">Device or remote host of a non-root target, if any.</param>
/// <param name="Collector">The core collector command (makedumpfile ...).</param>
/// <param name="KexecArgs">Extra kexec arguments (KEXEC_ARGS), where the tooling has them.</param>
/// <param name="Evidence">What each value was read from.</param>
public sealed record KdumpSetup(
    KdumpLayout Layout,
    string? ConfigPath,
    bool? Enabled,
    string TargetKind,
    string TargetPath,
    string? TargetDevice,
    string Collector,
    string KexecArgs,
    IReadOnlyList<string> Evidence)
{
    public bool Installed => ConfigPath is not null;

    /// <summary>
    /// No configuration found and the distribution unknown: we cannot even tell which tooling to look for,
    /// so "not installed" would be a guess.
    /// </summary>
    public bool Undetermined => !Installed && Layout.Family == DistroFamily.Unknown;
}
