namespace PanicLens.Knowledge;

/// <summary>
/// The `host:` section: what can be read on a running host (or a copy of its /proc, /sys, /etc) to say
/// whether it is exposed to the issue, and how to tell that a mitigation is already in place.
/// A host is exposed when every condition that is set holds; the readiness checks report conditions they
/// could not read as unknown.
/// </summary>
public sealed record HostExposure
{
    /// <summary>Affected releases (`uname -r`, /proc/sys/kernel/osrelease); any range may hold.</summary>
    public IReadOnlyList<KernelRange> Kernel { get; init; } = [];
    /// <summary>Modules that must all be loaded (names as in /proc/modules); a built-in driver cannot be told apart, so say so in notes.</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];
    /// <summary>Sysctl values that must all hold (read from /proc/sys/&lt;key with dots as slashes&gt;).</summary>
    public IReadOnlyList<HostSysctl> Sysctls { get; init; } = [];
    /// <summary>Sockets that must exist, e.g. a LISTEN entry in /proc/net/tcp6.</summary>
    public IReadOnlyList<HostSocket> Sockets { get; init; } = [];
    /// <summary>Ways to tell a mitigation is applied; any one that holds means mitigated.</summary>
    public IReadOnlyList<HostMitigationCheck> Mitigated { get; init; } = [];
    public string? Notes { get; init; }
}
