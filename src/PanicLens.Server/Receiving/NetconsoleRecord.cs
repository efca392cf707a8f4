using System.Globalization;

namespace PanicLens.Server.Receiving;

/// <summary>
/// One extended netconsole datagram (Documentation/networking/netconsole.rst, `netconsole=+...`):
/// `level,seq,timestamp_us,flags[,ncfrag=OFFSET/TOTAL];message`, optionally followed by `\n KEY=value` dictionary
/// lines, which are dropped. A message longer than a datagram comes as fragments sharing one header, each with its
/// byte offset in the whole.
/// </summary>
public readonly record struct NetconsoleRecord(int Level, ulong Sequence, ulong MicroSeconds, string Message, int FragmentOffset, int FragmentTotal)
{
    public bool IsFragment => FragmentTotal > 0;

    /// <summary>The message as the console prints it with printk times on: `[  123.456789] message`.</summary>
    public static string ConsoleLine(ulong microSeconds, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"[{microSeconds / 1_000_000,5}.{microSeconds % 1_000_000:D6}] {message}");

    /// <summary>The message of a record's body, without its dictionary lines.</summary>
    public static string Body(string body) => body.IndexOf('\n') is var newline and >= 0 ? body[..newline] : body;

    /// <summary>False for a plain netconsole datagram (no extended header): it is console text as is.</summary>
    public static bool TryParse(string datagram, out NetconsoleRecord record)
    {
        record = default;
        var semicolon = datagram.IndexOf(';');
        if (semicolon < 7 || semicolon > 128)
            return false;
        var header = datagram.AsSpan(0, semicolon);
        Span<Range> parts = stackalloc Range[6];
        var count = header.Split(parts, ',');
        if (count < 4 || count > 5)
            return false;
        if (!int.TryParse(header[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            || !ulong.TryParse(header[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !ulong.TryParse(header[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var micro)
            || header[parts[3]].Length != 1)
            return false;
        int offset = 0, total = 0;
        if (count == 5)
        {
            var fragment = header[parts[4]];
            if (!fragment.StartsWith("ncfrag="))
                return false;
            var slash = fragment.IndexOf('/');
            if (slash < 0
                || !int.TryParse(fragment[7..slash], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
                || !int.TryParse(fragment[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out total)
                || total == 0 || offset >= total)
                return false;
        }
        var message = datagram[(semicolon + 1)..];
        // Dictionary lines (` DEVICE=+pci:...`) follow the message after a newline. A fragment is kept whole: the
        // newline may lie in a later one, and offsets count the whole body.
        if (total == 0)
            message = Body(message);
        record = new NetconsoleRecord(level, sequence, micro, message, offset, total);
        return true;
    }
}
