using System.Buffers;
using System.Text.RegularExpressions;
using PanicLens.Text;

namespace PanicLens.Detection;

/// <summary>
/// Finds the crash header on a line. All literals sit in one <see cref="LiteralSet"/>, so an ordinary
/// line costs one table scan and no regex; only a hit runs the row's exclusion pattern.
/// </summary>
public static partial class HeaderScanner
{
    private static readonly LiteralSet Literals = new(Array.ConvertAll(CrashHeaders.All, h => h.Literal));

    /// <summary>
    /// Each row's exclusion pattern, built the first time its literal is seen (most logs only ever meet a few rows).
    /// A race builds one twice, harmlessly. They run on the interpreter: only lines holding a literal are tested, and the
    /// linear engine's automaton of these alternations costs 0.1-0.3 s and up to 17 MB to build (the fleet scan of a
    /// log with a few crashes paid that more than any other part).
    /// </summary>
    private static readonly ShortTextRegex?[] Excludes = new ShortTextRegex?[CrashHeaders.All.Length];

    /// <summary>Each row's <see cref="CrashHeader.Require"/> pattern, built the same way.</summary>
    private static readonly ShortTextRegex?[] Requires = new ShortTextRegex?[CrashHeaders.All.Length];

    private static ShortTextRegex? Built(ShortTextRegex?[] cache, int row, string? pattern) =>
        cache[row] ?? (pattern is null ? null : cache[row] = new ShortTextRegex(pattern));

    /// <summary>Text before a header that shows the line is a shell command or a quotation, not kernel output.</summary>
    private static readonly SearchValues<char> QuotingChars = SearchValues.Create("'\"`|$");

    /// <summary>The first row of the table found on <paramref name="text"/> and usable there, or null.</summary>
    public static CrashHeader? Match(string text) => Match(text, out _);

    public static CrashHeader? Match(string text, out int position)
    {
        position = -1;
        if (text.Length == 0)
            return null;
        if (!Literals.FoundIn(text))
            return null;
        var rows = CrashHeaders.All;
        for (var i = 0; i < rows.Length; i++)
        {
            var at = text.IndexOf(rows[i].Literal, StringComparison.Ordinal);
            if (at < 0 || !Plausible(text.AsSpan(0, at), rows[i]))
                continue;
            if (Built(Excludes, i, rows[i].Exclude) is { } exclude && exclude.IsMatch(text))
                continue;
            if (Built(Requires, i, rows[i].Require) is { } require && !require.IsMatch(text))
                continue;
            position = at;
            return rows[i];
        }
        return null;
    }

    /// <summary>Longest text accepted in front of a header (a few `subsystem: ` tags).</summary>
    private const int MaxTagsLength = 96;

    /// <summary>Text glued in front of a header without a blank is a previous message that lost its newline.</summary>
    private const int MinGluedLength = 16;

    /// <summary>
    /// Kernel headers begin the message, or follow up to three `subsystem: ` tags of one or two words
    /// (`watchdog: BUG:`, `NMI watchdog: `, `rcu: INFO:`, `kworker/0:1: page allocation failure`), an old
    /// lockdep banner's `[ `, a collector's date, or a previous message that lost its newline. Quotes, pipes,
    /// `$` prompts and `grep` mean someone typed or quoted the words; a source location
    /// (`ALSA pcm_lib.c:181: BUG:`) means a driver's own debug message that merely says BUG.
    /// </summary>
    private static bool Plausible(ReadOnlySpan<char> before, CrashHeader header)
    {
        if (before.IsWhiteSpace())
            return true;
        if (header.AtStart)
            return false;
        // APEI GHES numbers its records in front of the tag: `{1}[Hardware Error]: ...`.
        if (header.Literal[0] == '[' && before.IndexOfAny(' ', '\t') < 0 && before.Length <= 8)
            return true;
        if (before.IndexOfAny(QuotingChars) >= 0 || before.Contains("grep", StringComparison.Ordinal))
            return false;
        if (before.Length >= MinGluedLength && !char.IsWhiteSpace(before[^1]))
            return true;
        if (before.Length > MaxTagsLength)
            return false;
        var trimmed = before.Trim();
        if (trimmed is "[" || trimmed.IndexOfAnyExcept(DateChars) < 0 || IsCpuNumber(trimmed))
            return true;
        return Tags().IsMatch(before) && !SourceLocation().IsMatch(before);
    }

    /// <summary>
    /// mips do_page_fault prints `CPU %d Unable to handle kernel paging request at virtual address ...`
    /// (arch/mips/mm/fault.c): the CPU number is part of the kernel's own message.
    /// </summary>
    private static bool IsCpuNumber(ReadOnlySpan<char> text) =>
        text.StartsWith("CPU ") && text.Length is > 4 and <= 9 && text[4..].IndexOfAnyExcept("0123456789") < 0;

    /// <summary>A collector's date in front of the message: `2018/01/09 14:28:48`.</summary>
    private static readonly SearchValues<char> DateChars = SearchValues.Create("0123456789/:.- ");

    [GeneratedRegex(@"^[ \t]*(?:[^ \t:#>][^ \t]*(?: [^ \t:][^ \t]*)?: ){1,3}[ \t]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\.[chS]:[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLocation();
}
