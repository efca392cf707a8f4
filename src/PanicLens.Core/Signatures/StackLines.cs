using System.Buffers;
using System.Text.RegularExpressions;
using PanicLens.Parsing;
using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// Fast tests for the line shapes of <see cref="FramePatterns"/>: a literal prefilter (or, for plain frame
/// lines, a hand-written reader with the same meaning as <see cref="FramePatterns.FrameLine"/>) so that most
/// report lines cost no regex.
/// </summary>
public static class StackLines
{
    /// <summary>The literal of <see cref="FramePatterns.CorruptedLine"/>.</summary>
    private const string FaultInjection = "should_fail";

    /// <summary>
    /// Every literal <see cref="MarksOf"/> looks for (the stack starts', then the fault-injection one): a line holding
    /// none of them has no marks. Declared before the search built from it, since statics start in text order.
    /// </summary>
    public static readonly string[] MarkLiterals =
        ["Call Trace", "Call trace", "Allocated", "Freed", "backtrace", "Backtrace:", "Uninit was stored", "badaddr: ", FaultInjection];

    private static readonly PanicLens.Text.LiteralSet StartLiterals = new(MarkLiterals[..^1]);

    private static readonly ShortTextRegex ArmFrame = FramePatterns.ArmFrameRegex;

    /// <summary>
    /// Which of the stack-line tests may hold for the line, by their literals: a literal of
    /// <see cref="FramePatterns.StackStarts"/> (the line may open a stack section), `should_fail`
    /// (it may be a fault-injection frame, <see cref="FramePatterns.CorruptedLine"/>).
    /// </summary>
    public static StackLineMarks MarksOf(string line) =>
        (StartLiterals.FoundIn(line) ? StackLineMarks.StackStart : 0)
        | (line.Contains(FaultInjection, StringComparison.Ordinal) ? StackLineMarks.FaultInjection : 0);

    private static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>An arm32 `from` frame line, either form of arch/arm/kernel/traps.c dump_backtrace_entry() (verbose or since 5.16 short).</summary>
    public static bool IsArmFrame(string line) =>
        line.Contains(" from ", StringComparison.Ordinal) && (ArmMatch(line) is not null || TryParsedName(line) is not null);

    /// <summary>
    /// A frame line of i386's show_trace_log_lvl (` [&lt;%08lx&gt;] ` then the symbol): a 32-bit address column of exactly eight
    /// hex digits, then a frame the parser reads.
    /// </summary>
    public static bool IsI386Frame(string line)
    {
        var text = line.AsSpan().TrimStart(' ');
        return text.Length > 12 && text.StartsWith("[<") && text[10] == '>' && text[11] == ']'
            && text[2..10].IndexOfAnyExcept(HexLower) < 0 && FrameParser.TryParseFrame(line, out _);
    }

    private static readonly SearchValues<char> HexLower = SearchValues.Create("0123456789abcdef");

    public static bool IsFrame(string line) => TryReadFrame(line, out _) || ArmMatch(line) is not null || TryParsedName(line) is not null;

    /// <summary>
    /// The names a frame line offers: one for ` [&lt;pc&gt;] foo+0x1/0x2`, callee and caller for an arm32 line (the
    /// convention's own shapes); for any other line, the function of the parser's frame reader
    /// (<see cref="FrameParser"/>: arm since 5.16, s390, mips, 2.6.9 braces, decoded and module-build-id forms), so
    /// that a capture style the parser learns to read feeds the title too.
    /// </summary>
    public static void ReadFrames(string line, List<string> names)
    {
        if (TryReadFrame(line, out var name))
        {
            names.Add(name);
            return;
        }
        if (ArmMatch(line) is { } arm)
        {
            for (var g = 1; g < arm.Groups.Count; g++)
                if (arm.Groups[g] is { Success: true, Length: > 0 } group)
                    names.Add(group.Value);
            return;
        }
        if (TryParsedName(line) is { } parsed)
        {
            names.Add(parsed);
            if (ArmShortCaller(line) is { } caller)
                names.Add(caller);
        }
    }

    /// <summary>
    /// The caller of arm's short frame line (` callee [mod] from caller+0x1/0x2 [mod]`, `%ps from %pS`): offered after
    /// the callee as the convention does for the verbose form (<see cref="FramePatterns.ArmFrameLine"/>), and likewise
    /// not at offset 0 (there the callee was a noreturn call ending the function before). Null for any other line.
    /// </summary>
    private static string? ArmShortCaller(string line)
    {
        var from = line.IndexOf(" from ", StringComparison.Ordinal);
        if (from < 0 || line.Contains(") from ", StringComparison.Ordinal))
            return null;
        var rest = line.AsSpan(from + 6).TrimStart(' ');
        var run = rest.IndexOfAnyExcept(IdentifierChars);
        if (run <= 0 || !rest[run..].StartsWith("+0x", StringComparison.Ordinal))
            return null;
        var offset = rest[(run + 3)..].TrimStart('0');
        return offset.Length > 0 && char.IsAsciiHexDigit(offset[0]) ? rest[..run].ToString() : null;
    }

    /// <summary>The title name of the line's frame as the parser reads it; null for no frame, a doubted one or an address.</summary>
    private static string? TryParsedName(string line) =>
        FrameParser.TryParseFrame(line, out var frame) && frame.Reliable ? TitleName(frame.Function) : null;

    /// <summary>
    /// A parsed function name as the title stage captures it (<see cref="FramePatterns.Func"/>): ppc64's leading `.`
    /// dropped, cut at the first `.` (`.isra.0`, `.constprop.0`, `.cold`), ` ` or `+`; an address standing in for a
    /// name is none.
    /// </summary>
    public static string? TitleName(string? function)
    {
        if (string.IsNullOrEmpty(function))
            return null;
        var s = function.AsSpan();
        if (s[0] == '.')
            s = s[1..];
        if (s.Length == 0 || s.StartsWith("0x"))
            return null;
        var end = s.IndexOfAny('.', ' ', '+');
        if (end == 0)
            return null;
        return (end > 0 ? s[..end] : s).ToString();
    }

    private static Match? ArmMatch(string line)
    {
        if (!line.Contains(") from ", StringComparison.Ordinal))
            return null;
        var match = ArmFrame.Match(line);
        return match.Success ? match : null;
    }

    /// <summary>
    /// Same as <see cref="FramePatterns.FrameLine"/>: spaces, at most two `[&lt;hex&gt;]` tokens each followed by
    /// spaces, an optional `.`, then an identifier that is followed by `.` or `+`.
    /// </summary>
    public static bool TryReadFrame(string line, out string name)
    {
        name = "";
        var i = 0;
        // A pasted trace may be indented with a TAB (a mail client or editor turned the blanks into one).
        while (i < line.Length && line[i] is ' ' or '\t')
            i++;
        for (var pcs = 0; pcs < 2 && i < line.Length && line[i] == '['; pcs++)
        {
            var end = PcEnd(line, i);
            if (end < 0 || end >= line.Length || line[end] != ' ')
                break;
            i = end;
            while (i < line.Length && line[i] == ' ')
                i++;
        }
        if (i < line.Length && line[i] == '.')
            i++;
        var start = i;
        var run = line.AsSpan(i).IndexOfAnyExcept(IdentifierChars);
        if (run <= 0)
            return false;
        i += run;
        if (line[i] != '.' && line[i] != '+')
            return false;
        name = line[start..i];
        return true;
    }

    /// <summary>Index just past `[&lt;?(0x)?hex*&gt;?]` at <paramref name="at"/>, or -1.</summary>
    private static int PcEnd(string line, int at)
    {
        var i = at + 1;
        if (i < line.Length && line[i] == '<')
            i++;
        if (i + 1 < line.Length && line[i] == '0' && line[i + 1] == 'x')
            i += 2;
        while (i < line.Length && char.IsAsciiHexDigitLower(line[i]) || (i < line.Length && char.IsAsciiDigit(line[i])))
            i++;
        if (i < line.Length && line[i] == '>')
            i++;
        return i < line.Length && line[i] == ']' ? i + 1 : -1;
    }
}

/// <summary>The literals of stack-line tests that a line holds, found in one scan when the report body is made.</summary>
[Flags]
public enum StackLineMarks : byte
{
    None = 0,
    /// <summary>A literal of <see cref="FramePatterns.StackStarts"/>.</summary>
    StackStart = 1,
    /// <summary>The literal of <see cref="FramePatterns.CorruptedLine"/>.</summary>
    FaultInjection = 2,
}
