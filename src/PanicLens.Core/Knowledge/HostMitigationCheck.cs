namespace PanicLens.Knowledge;

/// <summary>
/// How to tell from the host that mitigation <see cref="Mitigation"/> is in place; every condition that is
/// set must hold: modules absent from /proc/modules, sysctl values, words on /proc/cmdline, and files that
/// contain a pattern (e.g. a modprobe.d blacklist line).
/// </summary>
public sealed record HostMitigationCheck(string Mitigation)
{
    public IReadOnlyList<string> ModulesAbsent { get; init; } = [];
    public IReadOnlyList<HostSysctl> Sysctls { get; init; } = [];
    /// <summary>Words that must appear on the kernel command line (`ipv6.disable=1`).</summary>
    public IReadOnlyList<string> Cmdline { get; init; } = [];
    public IReadOnlyList<HostFileCheck> Files { get; init; } = [];
}
