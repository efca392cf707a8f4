using System.Buffers;
using PanicLens.Model;

namespace PanicLens.Ingest;

/// <summary>
/// Streams a console capture into <see cref="LogLine"/>s: splits on LF, decodes bytes as Latin-1 (kernel output is
/// not guaranteed UTF-8 and one char per byte keeps columns aligned), drops CR, NUL, ANSI escape sequences and other
/// serial-line control garbage, bounds every line, and strips transport prefixes with <see cref="PrefixStripper"/>.
/// Memory stays bounded by the buffer and <see cref="MaxLineLength"/> whatever the input.
/// </summary>
public static class LineReader
{
    /// <summary>Longest line kept; the rest of a longer line is dropped (a console line is at most ~1 KiB).</summary>
    public const int MaxLineLength = 8192;

    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Bytes that need the slow path: C0 controls but TAB and LF, DEL, ESC (which starts ANSI sequences) and the
    /// no-break space.
    /// </summary>
    internal static readonly byte[] ControlBytes =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127, NoBreakSpace];

    private static readonly SearchValues<byte> Controls = SearchValues.Create(ControlBytes);

    /// <summary>
    /// U+00A0, byte A0 in Latin-1 and C2 A0 in UTF-8. The kernel never prints it; mail clients, web archives and
    /// ticket systems turn runs of spaces into it (`Tainted: P&#160;&#160;OE`), so it is read as a plain space.
    /// </summary>
    private const byte NoBreakSpace = 0xA0;

    private const char Utf8LeadOfNoBreakSpace = (char)0xC2;

    public static IEnumerable<LogLine> Read(Stream input)
    {
        // Pooled: the fleet scan starts a read at every stretch of lines it decodes.
        var bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
        var line = ArrayPool<char>.Shared.Rent(MaxLineLength);
        try
        {
            var length = 0;
            var number = 0;
            var escape = EscapeState.None;
            // The last line read is held until the next shows whether it continues it (ZvmConsoleWrap).
            LogLine? held = null;
            var lead = new char[ZvmConsoleWrap.MaxLead];
            var leadLength = 0;
            int read;
            while ((read = input.Read(bytes, 0, bytes.Length)) > 0)
            {
                var position = 0;
                while (position < read)
                {
                    // Vectorised scan to the end of the line; the segment is appended in one widening copy when it holds
                    // no control byte, which is nearly always.
                    var newline = bytes.AsSpan(position, read - position).IndexOf((byte)'\n');
                    var end = newline < 0 ? read : position + newline;
                    Append(bytes.AsSpan(position, end - position), line, ref length, ref escape);
                    if (newline < 0)
                        break;
                    position = end + 1;
                    number++;
                    if (Complete(line.AsSpan(0, length), number, ref held, lead, ref leadLength) is { } done)
                        yield return done;
                    length = 0;
                    escape = EscapeState.None;
                }
            }
            if (length > 0 && Complete(line.AsSpan(0, length), number + 1, ref held, lead, ref leadLength) is { } last)
                yield return last;
            if (held is not null)
                yield return held;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(line);
        }
    }

    /// <summary>
    /// Takes one raw line: joins it to the held line when it is that line's console wrap, else holds it and returns the
    /// line held before. <paramref name="lead"/> holds the held line's quoting and z/VM column while it may wrap.
    /// </summary>
    private static LogLine? Complete(ReadOnlySpan<char> raw, int number, ref LogLine? held, char[] lead, ref int leadLength)
    {
        if (leadLength > 0 && held is not null && ZvmConsoleWrap.Tail(raw, lead.AsSpan(0, leadLength), out var ownLead) is { } tail)
        {
            held = held with { Text = held.Text + tail };
            if (!ZvmConsoleWrap.StillWrapping(raw, ownLead))
                leadLength = 0;
            else if (ownLead != leadLength)
            {
                raw[..ownLead].CopyTo(lead);
                leadLength = ownLead;
            }
            return null;
        }
        var done = held;
        held = PrefixStripper.ToLogLine(number, raw);
        leadLength = ZvmConsoleWrap.WrappingLead(raw, held.Uptime);
        raw[..leadLength].CopyTo(lead);
        return done;
    }

    private static void Append(ReadOnlySpan<byte> segment, char[] line, ref int length, ref EscapeState escape)
    {
        if (escape == EscapeState.None && segment.IndexOfAny(Controls) < 0)
        {
            var take = Math.Min(segment.Length, MaxLineLength - length);
            length += System.Text.Encoding.Latin1.GetChars(segment[..take], line.AsSpan(length));
            return;
        }
        foreach (var b in segment)
        {
            if (b == NoBreakSpace && escape == EscapeState.None)
            {
                if (length > 0 && line[length - 1] == Utf8LeadOfNoBreakSpace)
                    line[length - 1] = ' ';
                else if (length < MaxLineLength)
                    line[length++] = ' ';
                continue;
            }
            if (Keep(b, ref escape) && length < MaxLineLength)
                line[length++] = (char)b;
        }
    }

    /// <summary>
    /// One raw line (without its newline) as <see cref="Read(Stream)"/> reads it, numbered <paramref name="number"/>; a
    /// console wrap is not joined (no next line is given). For readers that pick single lines out of a log.
    /// </summary>
    public static LogLine ReadLine(ReadOnlySpan<byte> raw, int number)
    {
        var line = ArrayPool<char>.Shared.Rent(MaxLineLength);
        var length = 0;
        var escape = EscapeState.None;
        Append(raw, line, ref length, ref escape);
        var read = PrefixStripper.ToLogLine(number, line.AsSpan(0, length));
        ArrayPool<char>.Shared.Return(line);
        return read;
    }

    /// <summary>Reads text already in memory (tests, pasted logs); each char must be a byte (Latin-1).</summary>
    public static IEnumerable<LogLine> Read(string text) =>
        Read(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(text)));

    private enum EscapeState { None, Escape, Csi }

    /// <summary>
    /// Decides whether one byte is text. ANSI sequences (ESC [ params final, or ESC + one char) are consumed
    /// whole; CR, NUL and other C0/DEL controls are dropped; TAB is kept because the seed's collector separates
    /// its date prefix with one.
    /// </summary>
    private static bool Keep(byte b, ref EscapeState escape)
    {
        switch (escape)
        {
            case EscapeState.Escape:
                escape = b == (byte)'[' ? EscapeState.Csi : EscapeState.None;
                return false;
            case EscapeState.Csi:
                if (b >= 0x40 && b <= 0x7E)
                    escape = EscapeState.None;
                return false;
        }
        if (b == 0x1B)
        {
            escape = EscapeState.Escape;
            return false;
        }
        return b == (byte)'\t' || (b >= 0x20 && b != 0x7F);
    }
}
