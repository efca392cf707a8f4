using System.Globalization;

namespace PanicLens.Readiness;

/// <summary>Counts sockets in a /proc/net/{tcp,udp,raw}[6] table by state (the `st` column) and local port.</summary>
public static class ProcNetTable
{
    public static int Count(string table, string? stateCode, int? port)
    {
        var count = 0;
        var first = true;
        foreach (var line in table.Split('\n'))
        {
            if (first)
            {
                first = false;
                continue;
            }
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4)
                continue;
            if (stateCode is not null && !string.Equals(columns[3], stateCode, StringComparison.OrdinalIgnoreCase))
                continue;
            if (port is not null && LocalPort(columns[1]) != port)
                continue;
            count++;
        }
        return count;
    }

    /// <summary>The port of a local_address column ("00000000000000000000000000000000:0016" → 22), or -1.</summary>
    public static int LocalPort(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port) ? port : -1;
    }
}
