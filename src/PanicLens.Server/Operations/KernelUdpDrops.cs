using System.Globalization;
using System.Net.Sockets;

namespace PanicLens.Server.Operations;

/// <summary>
/// The datagrams the kernel dropped on one of our UDP sockets (its receive buffer full: UDP has no back-pressure), as
/// Linux counts them per socket in the last column (`drops`, the socket's `sk_drops`) of /proc/net/udp and
/// /proc/net/udp6 (net/ipv4/udp.c, udp4_format_sock), found by the socket's inode. Elsewhere it reads nothing.
/// </summary>
public sealed class KernelUdpDrops
{
    private static readonly string[] Tables = ["/proc/net/udp", "/proc/net/udp6"];
    /// <summary>Columns after splitting a row on blanks (`sl` is column 0).</summary>
    private const int InodeColumn = 9;
    private const int DropsColumn = 12;

    private readonly string? inode;

    public KernelUdpDrops(Socket socket)
    {
        // /proc/self/fd/N links to `socket:[INODE]`.
        var link = OperatingSystem.IsLinux()
            ? new FileInfo($"/proc/self/fd/{socket.SafeHandle.DangerousGetHandle()}").LinkTarget
            : null;
        if (link is not null && link.StartsWith("socket:[", StringComparison.Ordinal) && link.EndsWith(']'))
            inode = link["socket:[".Length..^1];
    }

    /// <summary>Whether the kernel's count can be read for this socket (Linux with /proc).</summary>
    public bool Available => inode is not null;

    /// <summary>The kernel's drop count for the socket since it was opened (0 when unknown).</summary>
    public long Read()
    {
        if (inode is null)
            return 0;
        foreach (var table in Tables)
        {
            if (!File.Exists(table))
                continue;
            foreach (var row in File.ReadLines(table))
            {
                var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > DropsColumn && columns[InodeColumn] == inode
                    && long.TryParse(columns[DropsColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var drops))
                    return drops;
            }
        }
        return 0;
    }
}
