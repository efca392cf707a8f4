using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Turns a report's console lines into <see cref="ReportLine"/>s. Mail clients and terminals hard-wrap long console
/// lines; in a log whose lines carry a time stamp, a line without one is the tail of the line before and is joined to it.
/// </summary>
internal static class LogicalLines
{
    /// <summary>Longest joined line; a run of unstamped lines longer than this starts a new line.</summary>
    private const int MaxJoinedLength = 8192;

    public static List<ReportLine> Build(IReadOnlyList<LogLine> lines, int startLine, int endLine)
    {
        var result = new List<ReportLine>(lines.Count);
        bool stampedLog = IsStamped(lines, startLine, endLine);
        bool previousStamped = false;
        foreach (var line in lines)
        {
            if (line.Number < startLine || line.Number > endLine)
                continue;
            bool stamped = IsStamped(line);
            var (text, xen) = Clean(line.Text);
            // A frame stands alone even when its stamp was lost (an interleaved write ate it).
            if (stampedLog && !stamped && previousStamped && result.Count > 0 && !xen && text.Length > 0 && !TrimMarks.IsTrimMark(text)
                && result[^1].Text.Length + text.Length < MaxJoinedLength
                && (!FrameParser.TryParseFrame(text, out _) || EndsBeforeItsFunction(result[^1].Text)
                    || IsHexWordTail(text, result[^1].Text))
                && JoinedText(result[^1].Text, text) is { } joined)
            {
                result[^1] = result[^1] with { Text = joined };
                continue;
            }
            if (result.Count > 0 && IsCutTaskLine(result[^1].Text, text))
            {
                result[^1] = result[^1] with { Text = result[^1].Text + text };
                continue;
            }
            if (result.Count > 0 && IsWrappedBeforeRelease(result[^1].Text, text))
            {
                result[^1] = result[^1] with { Text = result[^1].Text.TrimEnd() + " " + text };
                continue;
            }
            result.Add(new ReportLine(line.Number, text, line.Text, xen));
            previousStamped = stamped || !stampedLog;
        }
        return result;
    }

    /// <summary>
    /// The wrapped line made whole, or null when <paramref name="text"/> is no tail of <paramref name="previous"/>:
    /// a whole frame line stays whole unless the join is a frame too (a wrapped `[mod]`); what follows it unstamped
    /// is foreign output (a getty greeting, a shell) printed mid-trace.
    /// </summary>
    private static string? JoinedText(string previous, string text)
    {
        if (previous.Length == 0)
            return text;
        var joined = previous + " " + text;
        if (FrameParser.TryParseFrame(previous, out _) && !FrameParser.TryParseFrame(joined, out _))
            return null;
        return joined;
    }

    /// <summary>
    /// A header cut right before the function it names (`BUG: KASAN: null-ptr-deref in` + `f+0x102/0x3d0 [mod]`,
    /// `WARNING: CPU: 0 PID: 1 at drivers/x.c:12` + `f+0x1/0x2`), or a line cut after an address column
    /// (`[&lt;ffffffff81416c20&gt;] ?` + `f+0xe1/0xe1`, lockdep's `at: [&lt;addr&gt;]`, arm's `from [&lt;addr&gt;]`) or after arm's
    /// `from`: the frame after it is its tail, not a trace line.
    /// </summary>
    private static bool EndsBeforeItsFunction(string previous)
    {
        if (FrameParser.EndsWithAddress(previous))
            return true;
        var trimmed = previous.AsSpan().TrimEnd();
        if (trimmed.EndsWith(" in", StringComparison.Ordinal) || trimmed.EndsWith(" at", StringComparison.Ordinal))
            return true;
        // arm's `[<%08lx>] (%ps) from [<%08lx>] (%pS)` (arch/arm/kernel/traps.c dump_backtrace_entry) cut after `from`.
        if (trimmed.EndsWith(") from", StringComparison.Ordinal) && trimmed.StartsWith("[<", StringComparison.Ordinal))
            return true;
        // `WARNING: ... at file.c:123` with the function on the next line.
        int at = trimmed.LastIndexOf(" at ");
        return trimmed.StartsWith("WARNING:") && at > 0 && trimmed[(at + 4)..].IndexOf(' ') < 0 && trimmed[(at + 4)..].Contains(':');
    }

    /// <summary>
    /// A lone hex word under a line that is no frame nor a section head (`syz-executor0   R  running task    21280  7720
    /// 5511` + `0x00000000`, the task dump's flags word): the frame reader takes a bare address for an unsymbolised
    /// frame, but with its stamp lost and no trace above it, it is the wrapped end of the line before.
    /// </summary>
    private static bool IsHexWordTail(string text, string previous) =>
        text.Length > 2 && text.StartsWith("0x", StringComparison.Ordinal) && !text.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF")
        && previous.Length > 0 && !previous.EndsWith(':') && !FrameParser.TryParseFrame(previous, out _);

    /// <summary>True when a third or more of the region's lines carry a time stamp (mail-wrapped logs are half wraps), so an unstamped one is a wrap.</summary>
    private static bool IsStamped(IReadOnlyList<LogLine> lines, int startLine, int endLine)
    {
        int stamped = 0, total = 0;
        foreach (var line in lines)
        {
            if (line.Number < startLine || line.Number > endLine)
                continue;
            total++;
            if (IsStamped(line))
                stamped++;
        }
        return total > 0 && stamped * 3 >= total;
    }

    /// <summary>A line that came with a transport prefix: a time, an uptime or a syslog tag.</summary>
    private static bool IsStamped(LogLine line) =>
        line.Stamped || line.Timestamp is not null || line.Uptime is not null || line.Origin is not null || line.Context is not null;

    /// <summary>`CPU: 1 PID: 1` + `88243 Comm: X ...`: a task line cut inside its PID by a stray newline.</summary>
    private static bool IsCutTaskLine(string previous, string text)
    {
        if (!previous.StartsWith("CPU: ", StringComparison.Ordinal) || previous.Contains(" Comm: ", StringComparison.Ordinal)
            || previous.Length == 0 || !char.IsAsciiDigit(previous[^1]) || !previous.Contains(" PID: ", StringComparison.Ordinal))
            return false;
        int i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        return text.AsSpan(i).StartsWith(" Comm: ", StringComparison.Ordinal);
    }

    /// <summary>
    /// A task or register line wrapped right after its taint (`... Comm: swapper/24 Not tainted` + `5.15.0-rc5 #1`,
    /// ppc `REGS: ... Not tainted` + `(5.15.0-rc5)`): dump_stack_print_info and ppc show_regs always print the release
    /// there, so a next line that starts with one is the rest of the line, stamped log or not.
    /// </summary>
    private static bool IsWrappedBeforeRelease(string previous, string text)
    {
        var trimmed = previous.AsSpan().TrimEnd();
        if (!(trimmed.Contains(" Comm: ", StringComparison.Ordinal) || trimmed.StartsWith("REGS: ") || trimmed.StartsWith("Pid: ")))
            return false;
        if (!trimmed.EndsWith("Not tainted") && !EndsWithTaintLetters(trimmed))
            return false;
        var next = text.AsSpan().TrimStart('(');
        int dot = next.IndexOf('.');
        return dot is > 0 and < 4 && next[..dot].IndexOfAnyExceptInRange('0', '9') < 0 && next.Length > dot + 1 && char.IsAsciiDigit(next[dot + 1]);
    }

    /// <summary>`Tainted: G        W  O` with nothing after the letters.</summary>
    private static bool EndsWithTaintLetters(ReadOnlySpan<char> text)
    {
        int at = text.LastIndexOf("Tainted: ");
        return at >= 0 && text[(at + 9)..].IndexOfAnyExcept(" ABCDEFGHIJKLMNOPQRSTUVWXYZ-") < 0;
    }

    private static (string Text, bool Xen) Clean(string text)
    {
        var span = text.AsSpan().Trim();
        bool xen = span.StartsWith("(XEN)", StringComparison.Ordinal);
        if (xen)
            span = span[5..].Trim();
        return (span.Length == text.Length ? text : span.ToString(), xen);
    }
}
