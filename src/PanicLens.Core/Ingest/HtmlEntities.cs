namespace PanicLens.Ingest;

/// <summary>
/// CI mailers and web archives that HTML-escape a console log (`[&amp;lt;c010f61c&amp;gt;] (dump_backtrace)`) leave the
/// kernel's `&lt;` `&gt;` `&amp;` and quotes as entities. The kernel never prints an entity itself, so a line holding one
/// of these is decoded; any other `&` text stays as it is.
/// </summary>
public static class HtmlEntities
{
    private static readonly (string Entity, char Char)[] Table =
    [
        ("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&'), ("&quot;", '"'), ("&#39;", '\''), ("&#x27;", '\''), ("&apos;", '\''),
    ];

    /// <summary>The text with the entities above decoded, or <paramref name="text"/> itself when it holds none.</summary>
    public static ReadOnlySpan<char> Decode(ReadOnlySpan<char> text, out string? decoded)
    {
        decoded = null;
        int amp = text.IndexOf('&');
        if (amp < 0 || !HoldsEntity(text[amp..]))
            return text;
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text[..amp]);
        for (int i = amp; i < text.Length; i++)
        {
            if (text[i] == '&' && TryEntity(text[i..], out var c, out var length))
            {
                builder.Append(c);
                i += length - 1;
            }
            else
                builder.Append(text[i]);
        }
        decoded = builder.ToString();
        return decoded;
    }

    private static bool HoldsEntity(ReadOnlySpan<char> text)
    {
        for (int i = text.IndexOf('&'); i >= 0 && i < text.Length; )
        {
            if (TryEntity(text[i..], out _, out _))
                return true;
            int next = text[(i + 1)..].IndexOf('&');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static bool TryEntity(ReadOnlySpan<char> text, out char c, out int length)
    {
        foreach (var (entity, ch) in Table)
            if (text.StartsWith(entity, StringComparison.Ordinal))
            {
                c = ch;
                length = entity.Length;
                return true;
            }
        c = '\0';
        length = 0;
        return false;
    }
}
