namespace PanicLens.Readiness;

/// <summary>
/// What was read about one host. Nullable members are null when their file could not be read; the reason is
/// in the report's list of unreadable files, never guessed.
/// </summary>
/// <param name="Hostname">/proc/sys/kernel/hostname (or /etc/hostname).</param>
/// <param name="KernelRelease">As `uname -r` prints it: /proc/sys/kernel/osrelease, or in a collected tree without it
/// the first of <see cref="KernelReleaseSources"/> that states one (<see cref="KernelReleaseFrom"/> says which).</param>
/// <param name="MemTotalKiB">MemTotal from /proc/meminfo (on a Xen Dom0 this is Dom0's share, not the machine's).</param>
/// <param name="CommandLine">/proc/cmdline of the running kernel.</param>
/// <param name="Distro">From /etc/os-release or an older release file.</param>
/// <param name="Xen">Hypervisor facts; <see cref="XenFacts.None"/> on bare metal and other hypervisors.</param>
/// <param name="Modules">Loaded modules from /proc/modules; null when unreadable.</param>
/// <param name="Sysctls">Sysctl values read from /proc/sys (key in dotted form); a key is absent when its file was.</param>
/// <param name="Ipv6">IPv6 sockets; null when /proc/net could not be read.</param>
/// <param name="Boot">The boot loader entry of the running kernel; null when no boot loader config was found.</param>
public sealed record HostFacts(
    string? Hostname,
    string? KernelRelease,
    long? MemTotalKiB,
    string? CommandLine,
    Distro Distro,
    XenFacts Xen,
    IReadOnlyList<string>? Modules,
    IReadOnlyDictionary<string, string> Sysctls,
    Ipv6Sockets? Ipv6,
    BootEntry? Boot)
{
    /// <summary>Files that should have been readable and were not (filled in after the checks ran).</summary>
    public IReadOnlyList<HostFile> Unreadable { get; init; } = [];

    /// <summary>The host file <see cref="KernelRelease"/> was read from (/proc/sys/kernel/osrelease, /proc/version, ...).</summary>
    public string KernelReleaseFrom { get; init; } = KernelReleaseSources.All[0].Path;

    /// <summary>The directory the host was read from: "/" for the running machine.</summary>
    public string Root { get; init; } = "/";

    public bool HasModule(string name) => Modules is not null && Modules.Contains(name, StringComparer.Ordinal);
}
