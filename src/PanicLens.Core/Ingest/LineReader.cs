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

    public static IEnumerable<LogLine> Read(Stream input)
    {
        var bytes = new byte[BufferSize];
        var line = new char[MaxLineLength];
        var length = 0;
        var number = 0;
        var escape = EscapeState.None;
        int read;
        while ((read = input.Read(bytes, 0, bytes.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = bytes[i];
                if (b == (byte)'\n')
                {
                    number++;
                    yield return PrefixStripper.ToLogLine(number, line.AsSpan(0, length));
                    length = 0;
                    escape = EscapeState.None;
                    continue;
                }
                if (!Keep(b, ref escape) || length == MaxLineLength)
                    continue;
                line[length++] = (char)b;
            }
        }
        if (length > 0)
            yield return PrefixStripper.ToLogLine(number + 1, line.AsSpan(0, length));
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
