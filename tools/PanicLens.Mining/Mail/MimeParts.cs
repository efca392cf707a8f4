namespace PanicLens.Mining.Mail;

/// <summary>
/// Splits a multipart body at its delimiter lines (RFC 2046 §5.1.1: `--boundary`, the last `--boundary--`).
/// The preamble and epilogue are not parts; the line break before a delimiter belongs to the delimiter.
/// </summary>
public static class MimeParts
{
    /// <summary>More parts than this in one multipart are not read (a mail is not an archive).</summary>
    public const int MaxParts = 64;

    public static List<Range> Split(ReadOnlySpan<byte> body, string boundary)
    {
        var parts = new List<Range>();
        var delimiter = System.Text.Encoding.Latin1.GetBytes("--" + boundary);
        var partStart = -1;
        var position = 0;
        while (position < body.Length && parts.Count < MaxParts)
        {
            var newline = body[position..].IndexOf((byte)'\n');
            var end = newline < 0 ? body.Length : position + newline;
            var line = body[position..end];
            if (line.StartsWith(delimiter))
            {
                if (partStart >= 0)
                    parts.Add(new Range(partStart, LineBreakStart(body, position)));
                var closing = line[delimiter.Length..].StartsWith("--"u8);
                if (closing)
                    return parts;
                partStart = newline < 0 ? body.Length : end + 1;
            }
            position = newline < 0 ? body.Length : end + 1;
        }
        if (partStart >= 0 && parts.Count < MaxParts)
            parts.Add(new Range(partStart, body.Length));
        return parts;
    }

    /// <summary>Where the CRLF or LF that ends the line before <paramref name="lineStart"/> begins.</summary>
    private static int LineBreakStart(ReadOnlySpan<byte> body, int lineStart)
    {
        var end = lineStart;
        if (end > 0 && body[end - 1] == (byte)'\n')
            end--;
        if (end > 0 && body[end - 1] == (byte)'\r')
            end--;
        return end;
    }
}
