namespace PanicLens.Readiness;

/// <summary>The Linux distribution of the inspected host, from /etc/os-release or an older release file.</summary>
/// <param name="Id">os-release ID (rhel, centos, ubuntu, sles, ...), lower case.</param>
/// <param name="VersionId">os-release VERSION_ID, e.g. "7.9", "22.04"; empty when unknown.</param>
/// <param name="Name">PRETTY_NAME or the release file's line.</param>
/// <param name="Family">The kdump tooling family the distribution uses.</param>
/// <param name="Source">The file it was read from.</param>
public sealed record Distro(string Id, string VersionId, string Name, DistroFamily Family, string Source)
{
    public static Distro Unknown { get; } = new("unknown", "", "unknown", DistroFamily.Unknown, "");

    public int Major => int.TryParse(VersionId.Split('.')[0], out var major) ? major : 0;

    /// <summary>The key `kdump plan --distro` takes for this host (rhel7, ubuntu, ...), or null when unsupported.</summary>
    public string? PlanKey => Family switch
    {
        DistroFamily.Rhel when Major is >= 6 and <= 9 => "rhel" + Major,
        DistroFamily.Rhel when Major > 9 => "rhel9",
        DistroFamily.Debian when Id == "ubuntu" => "ubuntu",
        DistroFamily.Debian => "debian",
        DistroFamily.Suse => "suse",
        _ => null,
    };
}
