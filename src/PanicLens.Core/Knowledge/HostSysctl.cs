namespace PanicLens.Knowledge;

/// <summary>
/// A sysctl condition: `net.ipv6.conf.all.disable_ipv6` read from /proc/sys/net/ipv6/conf/all/disable_ipv6,
/// compared as trimmed text with whitespace runs collapsed. Exactly one of <see cref="EqualTo"/> and
/// <see cref="NotEqualTo"/> is set. A missing key (module not loaded, IPv6 disabled at boot) does not hold.
/// </summary>
public sealed record HostSysctl(string Key, string? EqualTo, string? NotEqualTo)
{
    /// <summary>The path under the host root: `/proc/sys/` and the key with dots as slashes.</summary>
    public string ProcPath => "/proc/sys/" + Key.Replace('.', '/');

    public bool Holds(string? value)
    {
        if (value is null)
            return false;
        var normalized = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return EqualTo is not null ? normalized == EqualTo : normalized != NotEqualTo;
    }
}
