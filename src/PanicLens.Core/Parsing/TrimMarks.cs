namespace PanicLens.Parsing;

/// <summary>
/// Lines a person types when trimming a report (`...`, `[...]`, `&lt;snip&gt;`): a console never prints them, so a
/// report holding one was edited by hand (Signatures/ConsoleForm), and such a line is never the wrapped tail of the
/// console line before it (<see cref="LogicalLines"/>). Compared with the line trimmed of blanks and leading `&gt;` quotes.
/// </summary>
public static class TrimMarks
{
    public static readonly (string Line, string Why)[] All =
    [
        ("...", "the common mail trim (digest group `report trimmed by the poster`)"),
        ("[...]", "the bracketed trim"),
        ("[ ... ]", "the spaced bracketed trim"),
        ("<snip>", "the snip mark"),
        ("[snip]", "the bracketed snip mark"),
        ("<...>", "the angled trim"),
        ("....", "a longer trim"),
        ("[ snip ]", "the spaced snip mark"),
    ];

    /// <summary>True when the line, past blanks and `&gt;` quotes, is only a trim mark.</summary>
    public static bool IsTrimMark(string text)
    {
        var span = text.AsSpan().Trim();
        while (span.Length > 0 && span[0] == '>')
            span = span[1..].TrimStart();
        if (span.Length < 3 || span.Length > 8)
            return false;
        foreach (var (line, _) in All)
            if (span.SequenceEqual(line))
                return true;
        return false;
    }
}
