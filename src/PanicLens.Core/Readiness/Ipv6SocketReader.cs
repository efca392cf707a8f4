namespace PanicLens.Readiness;

/// <summary>Reads IPv6 sockets from /proc/net/tcp6 and /proc/net/udp6 (one socket per line after the header).</summary>
public static class Ipv6SocketReader
{
    // include/net/tcp_states.h: TCP_LISTEN = 10, printed as two hex digits in the "st" column.
    private const string ListenState = "0A";

    public static Ipv6Sockets? Read(HostTree tree)
    {
        var tcp6 = tree.ReadOptional("/proc/net/tcp6");
        if (tcp6.Text is null)
        {
            // No tcp6 beside a readable tcp: the IPv6 stack is not there (module not loaded, ipv6.disable=1).
            return tree.Read("/proc/net/tcp").Readable ? new Ipv6Sockets(false, [], 0) : null;
        }
        var ports = new SortedSet<int>();
        foreach (var line in Lines(tcp6.Text))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 4 && columns[3] == ListenState && ProcNetTable.LocalPort(columns[1]) is >= 0 and var port)
                ports.Add(port);
        }
        var udp = tree.ReadOptional("/proc/net/udp6").Text;
        return new Ipv6Sockets(true, ports.ToList(), udp is null ? 0 : Lines(udp).Count());
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Skip(1).Where(l => l.Trim().Length > 0);
}
