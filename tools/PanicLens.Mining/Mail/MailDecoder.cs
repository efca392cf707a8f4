namespace PanicLens.Mining.Mail;

/// <summary>
/// Turns one raw mail into the text a reader sees: the plain-text parts (and text-like attachments such as an
/// attached `dmesg.txt`) with their transfer encoding undone, joined in order. HTML alternatives, images and other
/// binary attachments are skipped. Bounded: the text stops at <see cref="MaxText"/> bytes, nesting at
/// <see cref="MaxDepth"/> levels.
/// </summary>
public sealed class MailDecoder(int maxText = MailDecoder.DefaultMaxText)
{
    public const int DefaultMaxText = 4 << 20;
    public const int MaxDepth = 6;

    /// <summary>How much of an attachment is looked at to decide whether it is text.</summary>
    private const int TextSniffLength = 4096;

    public int MaxText { get; } = maxText;

    public MailBody Decode(ReadOnlySpan<byte> raw)
    {
        var headers = MailHeaders.Read(raw, out var bodyStart);
        var text = new BoundedText(MaxText);
        AddPart(headers, raw[bodyStart..], text, 0);
        return new MailBody(text.ToArray(), headers["Subject"], headers["Message-ID"], headers["Date"], text.Truncated, headers["From"]);
    }

    private void AddPart(MailHeaders headers, ReadOnlySpan<byte> body, BoundedText text, int depth)
    {
        var type = headers.MediaType;
        if (type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            AddMultipart(headers, body, text, depth);
            return;
        }
        if (type == "message/rfc822" && depth < MaxDepth)
        {
            var inner = MailHeaders.Read(body, out var innerStart);
            AddPart(inner, body[innerStart..], text, depth + 1);
            return;
        }
        if (type == "text/html")
            return;
        var decoded = TransferDecoding.Decode(body, headers.TransferEncoding);
        if (!type.StartsWith("text/", StringComparison.Ordinal) && !LooksLikeText(decoded))
            return;
        text.Append(decoded);
    }

    private void AddMultipart(MailHeaders headers, ReadOnlySpan<byte> body, BoundedText text, int depth)
    {
        var boundary = headers.Parameter("Content-Type", "boundary");
        var parts = boundary.Length == 0 || depth >= MaxDepth ? [] : MimeParts.Split(body, boundary);
        if (parts.Count == 0)
        {
            // A multipart without a usable boundary is read as the text it is rather than lost.
            text.Append(body);
            return;
        }
        var alternative = headers.MediaType == "multipart/alternative";
        var chosen = alternative ? PlainAlternative(body, parts) : -1;
        for (var i = 0; i < parts.Count; i++)
        {
            if (alternative && i != chosen)
                continue;
            var part = body[parts[i]];
            var partHeaders = MailHeaders.Read(part, out var start);
            AddPart(partHeaders, part[start..], text, depth + 1);
        }
    }

    /// <summary>RFC 2046 §5.1.4: alternatives are equal content; the plain one is what a list reader reads.</summary>
    private static int PlainAlternative(ReadOnlySpan<byte> body, List<Range> parts)
    {
        for (var i = 0; i < parts.Count; i++)
            if (MailHeaders.Read(body[parts[i]], out _).MediaType == "text/plain")
                return i;
        return -1;
    }

    /// <summary>Text when the first bytes hold no NUL and at most 1 in 20 other control bytes.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, TextSniffLength)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
                return false;
            if (b < 0x20 && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t' || b == 0x7f)
                controls++;
        }
        return controls * 20 <= sample.Length;
    }
}
