using System.Text.Json.Serialization;

namespace PanicLens.Readiness;

/// <summary>What the host says about a Xen hypervisor under it.</summary>
/// <param name="Hypervisor">/sys/hypervisor/type reads "xen".</param>
/// <param name="Dom0">/proc/xen/capabilities contains control_d: this kernel is the control domain.</param>
/// <param name="Version">"4.0.1" from /sys/hypervisor/version/{major,minor,extra}; null when unreadable.</param>
/// <param name="CommandLine">The hypervisor's command line from the boot loader's xen.gz line; null when not found.</param>
public sealed record XenFacts(bool Hypervisor, bool Dom0, string? Version, string? CommandLine)
{
    public static XenFacts None { get; } = new(false, false, null, null);

    /// <summary>(major, minor) of <see cref="Version"/>, or null.</summary>
    [JsonIgnore]
    public (int Major, int Minor)? ParsedVersion
    {
        get
        {
            var parts = (Version ?? "").Split('.');
            return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
                ? (major, minor)
                : null;
        }
    }
}
