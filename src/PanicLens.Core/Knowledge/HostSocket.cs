namespace PanicLens.Knowledge;

/// <summary>
/// A socket that must exist on the host: an entry in <see cref="File"/> (`/proc/net/tcp6`, `/proc/net/udp6`,
/// `/proc/net/tcp`, `/proc/net/udp`, `/proc/net/raw6`...) in state <see cref="State"/> (`LISTEN`, `ESTABLISHED`,
/// or any when null), optionally on one local port.
/// </summary>
public sealed record HostSocket(string File, string? State, int? Port)
{
    /// <summary>TCP states as /proc/net/tcp* prints them in the `st` column (include/net/tcp_states.h).</summary>
    public static readonly IReadOnlyDictionary<string, string> StateCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ESTABLISHED"] = "01",
        ["SYN_SENT"] = "02",
        ["SYN_RECV"] = "03",
        ["FIN_WAIT1"] = "04",
        ["FIN_WAIT2"] = "05",
        ["TIME_WAIT"] = "06",
        ["CLOSE"] = "07",
        ["CLOSE_WAIT"] = "08",
        ["LAST_ACK"] = "09",
        ["LISTEN"] = "0A",
        ["CLOSING"] = "0B",
    };

    /// <summary>The hex code of <see cref="State"/> as printed in /proc/net/tcp*, or null for any state.</summary>
    public string? StateCode => State is null ? null : StateCodes[State];

    public string? Why { get; init; }
}
