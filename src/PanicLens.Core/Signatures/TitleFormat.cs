using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// One way a header's report is titled. <see cref="Title"/> is matched on the header line, <see cref="Report"/>
/// (when set) on the report text from the header on; both use named captures, which fill `{name}` slots of
/// <see cref="Template"/> and <see cref="Alts"/>. `{frame}` and `{frame2}` are the frames <see cref="Stack"/> chose.
/// <see cref="NoStack"/> formats are not checked for a call trace; <see cref="Corrupted"/> ones always are corrupted.
/// </summary>
public sealed record TitleFormat(string Title, string Template)
{
    public string? Report { get; init; }
    public string[] Alts { get; init; } = [];
    public StackSpec? Stack { get; init; }
    public bool NoStack { get; init; }
    public bool Corrupted { get; init; }
    public string Why { get; init; } = "";

    private ShortTextRegex? titleRegex;
    private ShortTextRegex? reportRegex;

    private string? needle;
    private string[]? required;

    /// <summary>The pattern's leading literal, or "" when it has none or several alternatives.</summary>
    public string Needle => needle ??= PatternLiterals.Leading(Title) is [var only] ? only : "";

    /// <summary>False when a literal every title match holds is missing from <paramref name="line"/>, so the regex need not run.</summary>
    public bool MayMatch(string line)
    {
        foreach (var literal in required ??= PatternLiterals.Required(Title))
            if (!line.Contains(literal, StringComparison.Ordinal))
                return false;
        return true;
    }

    /// <summary>Matched on the header line only, so it runs on the fast interpreter (<see cref="ShortTextRegex"/>).</summary>
    public ShortTextRegex TitleRegex => titleRegex ??= new ShortTextRegex(Title);
    /// <summary>Matched on the report's first lines (<see cref="ReportBody.Text"/>, bounded).</summary>
    public ShortTextRegex? ReportRegex => Report is null ? null : reportRegex ??= new ShortTextRegex(Report);
}
