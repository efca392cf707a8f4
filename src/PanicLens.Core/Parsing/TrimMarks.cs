namespace PanicLens.Parsing;

/// <summary>
/// Lines a person types when trimming a report (`...`, `[...]`, `(...)`, `&lt;snip&gt;`, `-- snip --`): a console never
/// prints a line that is only an ellipsis or a snip word, so a report holding one was edited by hand
/// (Signatures/ConsoleForm), and such a line is never the wrapped tail of the console line before it
/// (<see cref="LogicalLines"/>). A mark is an ellipsis (two dots or more, or `…`) or a snip word, alone, between dashes
/// or scissors, or in one pair of brackets of any kind, blanks allowed inside; compared with the line trimmed of blanks
/// and leading `&gt;` quotes.
/// </summary>
public static class TrimMarks
{
    /// <summary>The brackets a poster puts around the mark.</summary>
    public static readonly (char Open, char Close, string Why)[] Brackets =
    [
        ('[', ']', "the bracketed trim, `[...]`, `[snip]`"),
        ('(', ')', "the parenthesised trim, `(...)`"),
        ('<', '>', "the angled trim, `<snip>`, `<...>`"),
        ('{', '}', "the braced trim, `{...}`"),
    ];

    /// <summary>The words a poster writes for a cut.</summary>
    public static readonly (string Word, string Why)[] Words =
    [
        ("snip", "the snip mark, `<snip>`, `-- snip --`"),
        ("snipped", "`[snipped]`"),
        ("cut", "`[cut]`, `--- cut ---`"),
        ("trimmed", "`[trimmed]`"),
    ];

    /// <summary>Longest mark looked at; past it a line is text.</summary>
    private const int MaxLength = 32;

    /// <summary>True when the line, past blanks and `&gt;` quotes, is only a trim mark.</summary>
    public static bool IsTrimMark(string text)
    {
        var span = text.AsSpan().Trim();
        while (span.Length > 0 && span[0] == '>')
            span = span[1..].TrimStart();
        if (span.Length < 2 || span.Length > MaxLength)
            return false;
        foreach (var (open, close, _) in Brackets)
            if (span[0] == open && span[^1] == close)
                return IsBareMark(span[1..^1].Trim());
        return IsBareMark(span) || IsBareMark(span.Trim("-= "));
    }

    /// <summary>U+2026 `…` as LineReader hands it on: its UTF-8 bytes, one char each.</summary>
    private const string Utf8Ellipsis = "\u00E2\u0080\u00A6";

    private static bool IsBareMark(ReadOnlySpan<char> mark)
    {
        if (mark.Length == 0)
            return false;
        var dots = 0;
        var rest = mark;
        while (rest.Length > 0 && (rest[0] == '.' || rest[0] == '…' || rest.StartsWith(Utf8Ellipsis)))
        {
            dots += rest[0] == '.' ? 1 : 3;
            rest = rest[(rest[0] == '\u00E2' ? Utf8Ellipsis.Length : 1)..];
        }
        if (rest.Length == 0)
            return dots >= 3;
        foreach (var (word, _) in Words)
            if (mark.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
