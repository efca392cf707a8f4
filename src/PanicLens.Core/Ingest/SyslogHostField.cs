using System.Buffers;
using System.Text;

namespace PanicLens.Ingest;

/// <summary>
/// The host field of a raw RFC 3164 line (`Dec  4 02:38:16 node012 kernel: ...`), read without decoding and stripping
/// the whole line, for readers that only need to know whose line it is. It answers only where <see cref="LineReader"/>
/// would read the same host off the line's first prefix: the line is plain text (no control byte, no-break space or
/// `&amp;` that decoding would change), its first character is one whose first prefix form is RFC 3164, and that form
/// names a host. A later prefix of the line may name another host; callers that care look for it in the line.
/// </summary>
public static class SyslogHostField
{
    /// <summary>Longer lines are not read here (the line reader's own path takes them).</summary>
    public const int MaxLength = 1024;

    private static readonly SearchValues<byte> Unplain = SearchValues.Create([.. LineReader.ControlBytes, (byte)'&']);

    /// <summary>First bytes whose first prefix form (<see cref="PrefixForms.StartingWith"/>) is RFC 3164.</summary>
    private static readonly bool[] StartsRfc3164 = FirstFormIsRfc3164();

    private static bool[] FirstFormIsRfc3164()
    {
        var starts = new bool[128];
        for (var c = 0; c < starts.Length; c++)
            starts[c] = PrefixForms.StartingWith((char)c) is [{ Name: "rfc3164" }, ..];
        return starts;
    }

    /// <summary>The host the line's RFC 3164 prefix names, or null when that is not certain.</summary>
    public static string? Read(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 16 || raw.Length > MaxLength || raw[0] >= 128 || !StartsRfc3164[raw[0]] || raw.IndexOfAny(Unplain) >= 0)
            return null;
        Span<char> chars = stackalloc char[raw.Length];
        Encoding.Latin1.GetChars(raw, chars);
        scoped var prefix = new Prefix();
        return PrefixScanners.Rfc3164(chars, ref prefix) > 0 ? prefix.Host : null;
    }
}
