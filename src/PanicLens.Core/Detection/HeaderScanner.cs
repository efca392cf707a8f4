using System.Buffers;
using System.Text.RegularExpressions;

namespace PanicLens.Detection;

/// <summary>
/// Finds the crash header on a line. All literals sit in one <see cref="SearchValues{T}"/>, so an ordinary
/// line costs one vectorised scan and no regex; only a hit runs the row's exclusion pattern.
/// </summary>
public static class HeaderScanner
{
    private static readonly SearchValues<string> Literals =
        SearchValues.Create(Array.ConvertAll(CrashHeaders.All, h => h.Literal), StringComparison.Ordinal);

    private static readonly Regex?[] Excludes = Array.ConvertAll(CrashHeaders.All, h => h.Exclude is null
        ? null
        : new Regex(h.Exclude, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));

    /// <summary>Text before a header that shows the line is a shell command or a quotation, not kernel output.</summary>
    private static readonly SearchValues<char> QuotingChars = SearchValues.Create("'\"`|$");

    /// <summary>The first row of the table found on <paramref name="text"/> and usable there, or null.</summary>
    public static CrashHeader? Match(string text) => Match(text, out _);

    public static CrashHeader? Match(string text, out int position)
    {
        position = -1;
        if (text.AsSpan().IndexOfAny(Literals) < 0)
            return null;
        var rows = CrashHeaders.All;
        for (var i = 0; i < rows.Length; i++)
        {
            var at = text.IndexOf(rows[i].Literal, StringComparison.Ordinal);
            if (at < 0 || !Plausible(text.AsSpan(0, at), rows[i].AtStart))
                continue;
            if (Excludes[i] is { } exclude && exclude.IsMatch(text))
                continue;
            position = at;
            return rows[i];
        }
        return null;
    }

    /// <summary>
    /// Kernel headers begin the message or follow `subsystem: ` tags (`watchdog: BUG:`, `rcu: INFO:`,
    /// `kworker/0:1: page allocation failure`). Quotes, pipes, `$` prompts and `grep` mean someone
    /// typed or quoted the words.
    /// </summary>
    private static bool Plausible(ReadOnlySpan<char> before, bool atStart)
    {
        if (before.IsWhiteSpace())
            return true;
        if (atStart)
            return false;
        if (before.IndexOfAny(QuotingChars) >= 0 || before.Contains("grep", StringComparison.Ordinal))
            return false;
        var trimmed = before.TrimStart();
        return !(trimmed.Length > 0 && (trimmed[0] == '#' || trimmed[0] == '>'));
    }
}
