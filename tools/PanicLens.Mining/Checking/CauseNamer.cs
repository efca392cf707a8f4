using System.Text.RegularExpressions;
using PanicLens.Model;

namespace PanicLens.Mining.Checking;

/// <summary>
/// Names the likely cause of a failure from what the raw text shows around the evidence (quoting, wrapping, the
/// printed form, the frame style), so that the digest groups failures one parser rule can fix together. The first
/// feature that applies names the group; a heuristic for grouping, not a verdict. Mail quoting names a group only when
/// nothing else does: the prefix stripper reads `>` quoting (the mined mails with every quote mark removed fail at
/// the same 1,351 places, 2026-12-04), so a quoted failure is grouped by what stands behind its quote marks.
/// </summary>
public static partial class CauseNamer
{
    public static string Task(Evidence task, MailText text)
    {
        if (task.Comm.Length == 0)
            return $"task line `{task.Form}` wrapped right after `Comm:`";
        if (task.Form == "CPU: PID: Comm:" && !task.Text.Contains("ainted", StringComparison.Ordinal)
            && text[task.Line + 1].Contains("ainted", StringComparison.Ordinal))
            return $"task line `{task.Form}` wrapped before `Not tainted`/`Tainted:`";
        if (task.Text.TrimEnd().EndsWith('\\'))
            return $"task line `{task.Form}` continued on the next line with `\\`";
        return Quoted(task.Text) && task.Text.IndexOf(task.Form[..4], StringComparison.Ordinal) <= QuoteEnd(task.Text)
            ? $"task line `{task.Form}` mail-quoted"
            : $"task line `{task.Form}` not read, behind {Unquoted(task.Text, task.Text.IndexOf(task.Form[..4], StringComparison.Ordinal))}";
    }

    public static string Kernel(Evidence release, CrashReport report, MailText text)
    {
        if (release.Line < report.StartLine)
            return $"release only in the boot banner `Linux version` before the report{Quote(release.Text)}";
        if (text[release.Line - 1].TrimEnd().EndsWith("Comm:", StringComparison.Ordinal) || !release.Text.Contains("Comm:", StringComparison.Ordinal)
            && text[release.Line - 1].Contains("Comm:", StringComparison.Ordinal))
            return $"release `{release.Form}` on the line after a wrapped task line";
        return Quoted(release.Text) && LineStart(release.Text) <= QuoteEnd(release.Text)
            ? $"release `{release.Form}` mail-quoted"
            : $"release `{release.Form}` not read, behind {Unquoted(release.Text, LineStart(release.Text))}";
    }

    public static string Function(Evidence frame, CrashReport report, MailText text, IReadOnlyList<Evidence> frames)
    {
        var titled = !report.Title.EndsWith(" in corrupted", StringComparison.Ordinal) && report.Title.Contains(" in ", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(report.Function) && titled)
            return $"title `{TitleForm(report.Title)} in ...` names a function but `function` is empty";
        var header = text[report.StartLine];
        if (WrappedWarning().IsMatch(header))
            return "`WARNING: CPU: N PID: N at` header wrapped: `file:line` or the function on the next line";
        if (frames.Count <= 2 && frames[0].Line <= report.StartLine + 1)
            return "only the header names the function (`at file.c:123 func+0x..`, `in func+0x..`), no trace follows";
        var excerpt = text.Excerpt(report.StartLine, report.EndLine);
        if (HtmlEscaped(excerpt))
            return "text HTML-escaped by a CI mailer (`[&lt;c010f61c&gt;]`, `&#39;`)";
        if (Ellipsis().IsMatch(excerpt))
            return "report trimmed by the poster with `...` lines";
        if (WrappedArmFrame().IsMatch(excerpt))
            return "arm `(func) from [<addr>]` frames wrapped onto the next line";
        if (ArmFromFrame().IsMatch(excerpt))
            return "arm `caller from callee+0x1/0x2` frames (arm unwinder, 5.x on)";
        if (excerpt.Contains(") from [<", StringComparison.Ordinal) && !excerpt.Contains("Backtrace:", StringComparison.Ordinal))
            return "arm `[<addr>] (func) from [<addr>] (callee+0x..)` frames with no `Backtrace:` line before them";
        if (SourceLocatedFrame().IsMatch(excerpt))
            return "frames printed with source `file.c:123` (syzbot style)";
        if (DecodedFrame().IsMatch(excerpt))
            return "frames decoded by decode_stacktrace.sh (`func (file.c:123)`, no offsets)";
        if (excerpt.Contains("? __die", StringComparison.Ordinal) || excerpt.Contains("? page_fault_oops", StringComparison.Ordinal))
            return "x86 trace opening with `? __die`/`? page_fault_oops` frames (6.x)";
        if (CallerId().IsMatch(excerpt))
            return "lines behind a printk caller id `[time][ T123]`";
        if (Lockdep().IsMatch(report.Title))
            return $"lockdep report `{report.Title.Replace(" in corrupted", "", StringComparison.Ordinal)}`";
        if (!TraceHeader().IsMatch(excerpt))
            return $"frames with no `Call Trace:`/`Call trace:`/`<TASK>` line (trimmed by the poster)";
        if (report.EndLine - report.StartLine < 6)
            return $"report of under 7 lines ({frame.Form})";
        var reason = report.CorruptionReason is { Length: > 0 } why ? $", corrupted: {why}" : "";
        return $"{frame.Form}; title `{TitleForm(report.Title)} ...`{reason}";
    }

    /// <summary>Groups cut-short reports by how the frames after them are written and the kind of report.</summary>
    public static string CutShort(Evidence frame, CrashReport report, MailText text)
    {
        var style = Quoted(frame.Text) ? ", mail-quoted" : HtmlEscaped(frame.Text) ? ", HTML-escaped" : "";
        var oneLine = report.EndLine == report.StartLine ? "one-line " : "";
        var last = text[report.EndLine];
        var ending = last.Contains("---[ end", StringComparison.Ordinal) ? " ending at `---[ end trace`" : "";
        return $"{frame.Form}{style} after a {oneLine}report of kind `{report.Kind}`{ending}";
    }

    public static string Header(Evidence header)
    {
        var word = HeaderWord(header.Text);
        var at = header.Text.IndexOf(word, StringComparison.Ordinal);
        if (at > QuoteEnd(header.Text))
            return $"header `{word}` behind {Unquoted(header.Text, at)}";
        if (Quoted(header.Text))
            return $"crash text mail-quoted with `>`, header `{word}`";
        if (WrappedWarning().IsMatch(header.Text))
            return "`WARNING: CPU: N PID: N at` header wrapped: `file:line` or the function on the next line";
        if (NewWarning().IsMatch(header.Text))
            return "`WARNING: file.c:123 at func, CPU#N: comm/pid` (the newer __warn format)";
        return $"plain crash text, header `{word}`";
    }

    /// <summary>
    /// The shape of what stands before the evidence on its line, letters as `a` and digits as `9`, e.g.
    /// `a 9 9:9:9 a a: ` for a syslog prefix in another language (bytes past ASCII as `\\xC2`): the key that groups one prefix style.
    /// </summary>
    public static string Prefix(string line, int at)
    {
        if (at <= 0)
            return "no prefix";
        var shape = new System.Text.StringBuilder();
        foreach (var c in line.AsSpan(0, Math.Min(at, 60)))
        {
            if (c > '~')
            {
                shape.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
                continue;
            }
            var mapped = char.IsAsciiLetter(c) ? 'a' : char.IsAsciiDigit(c) ? '9' : c;
            if (shape.Length == 0 || mapped is not ('a' or '9') || shape[^1] != mapped)
                shape.Append(mapped);
        }
        return $"prefix `{shape}`";
    }

    /// <summary>
    /// Groups reports with no crash text by header kind and the title's first word (`INFO:` for every line a test
    /// suite prints with that word); `INFO: task` and `INFO: rcu` keep their second word, they are crash headers.
    /// </summary>
    public static string NoEvidence(CrashReport report)
    {
        var words = report.Title.Split(' ', 3);
        var kept = words.Length > 1 && words[1] is "task" or "rcu" ? 2 : 1;
        return $"header kind `{report.Kind}`, title `{string.Join(' ', words.Take(kept))} ...`";
    }

    /// <summary>
    /// The prefix shape before the kernel's own text of an evidence line: before the header word, the start of a task
    /// or release line, or the frame. The digest breaks large groups down by it.
    /// </summary>
    public static string Shape(Evidence evidence) => Prefix(evidence.Text, evidence.Kind switch
    {
        EvidenceKind.Header => evidence.Text.IndexOf(HeaderWord(evidence.Text), StringComparison.Ordinal),
        EvidenceKind.Frame => FrameStart(evidence),
        _ => LineStart(evidence.Text),
    });

    /// <summary>Where a frame line's kernel text starts: its IP or header label, its `[&lt;address&gt;]`, or the symbol.</summary>
    private static int FrameStart(Evidence frame)
    {
        var at = frame.At;
        foreach (var start in (ReadOnlySpan<string>)["RIP:", "EIP:", "IP:", "pc :", "lr :", "PC is at", "LR is at", "NIP", "LR [", "epc", "ra :",
            "Krnl PSW", "[<", "WARNING:", "BUG:", "? "])
        {
            var index = frame.Text.IndexOf(start, StringComparison.Ordinal);
            if (index >= 0 && index < at)
                at = index;
        }
        return at;
    }

    /// <summary>Where the kernel's own text of a task or release line starts, after any prefix.</summary>
    private static int LineStart(string line)
    {
        var at = -1;
        foreach (var start in (ReadOnlySpan<string>)["CPU:", "Pid:", "Comm:", "Not tainted", "Tainted:", "Linux version"])
        {
            var index = line.IndexOf(start, StringComparison.Ordinal);
            if (index >= 0 && (at < 0 || index < at))
                at = index;
        }
        return at;
    }

    /// <summary>The words of a title before its ` in FUNCTION` (`possible deadlock`, `KASAN: use-after-free Read`).</summary>
    private static string TitleForm(string title)
    {
        var at = title.IndexOf(" in ", StringComparison.Ordinal);
        return at < 0 ? title : title[..at];
    }

    public static bool HtmlEscaped(string text) =>
        text.Contains("&lt;", StringComparison.Ordinal) || text.Contains("&gt;", StringComparison.Ordinal) || text.Contains("&#39;", StringComparison.Ordinal);

    public static bool Quoted(string line) => line.AsSpan().TrimStart().StartsWith(">");

    /// <summary>Where the text behind a line's indentation and quote marks (`> `, `>> `, `> > `, `>` glued) starts.</summary>
    private static int QuoteEnd(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
            i++;
        var end = 0;
        while (i < line.Length && line[i] == '>')
        {
            i++;
            if (i < line.Length && line[i] == ' ')
                i++;
            end = i;
        }
        return end;
    }

    /// <summary>The <see cref="Prefix"/> shape of what stands before <paramref name="at"/>, behind the quote marks.</summary>
    private static string Unquoted(string line, int at)
    {
        var start = Math.Min(QuoteEnd(line), Math.Max(at, 0));
        return Prefix(line[start..], at - start);
    }

    private static string Quote(string line) => Quoted(line) ? ", mail-quoted" : "";

    private static string Indent(string line) => line.Length > 0 && line[0] is ' ' or '\t' ? ", indented" : "";

    /// <summary>The header word printed first on the line (`Internal error:` before the `Oops` it names).</summary>
    private static string HeaderWord(string line)
    {
        var (word, at) = ("header", int.MaxValue);
        foreach (var candidate in (ReadOnlySpan<string>)["BUG: KASAN", "BUG: KFENCE", "BUG: ", "WARNING: ", "Oops", "Unable to handle kernel",
            "general protection fault", "Kernel panic", "INFO: task", "rcu", "kernel BUG at", "Internal error:", "UBSAN:"])
        {
            var index = line.IndexOf(candidate, StringComparison.Ordinal);
            if (index >= 0 && (index < at || index == at && candidate.Length > word.Length))
                (word, at) = (candidate.Trim(), index);
        }
        return word;
    }

    /// <summary>An arm frame line broken after `from [&lt;addr&gt;]` (its callee on the next line) or after `from`.</summary>
    [GeneratedRegex(@"\) from (\[<[0-9a-f]+>\])?[ \t]*\n[ \t>]*(\(|\[<)", RegexOptions.NonBacktracking)]
    private static partial Regex WrappedArmFrame();

    [GeneratedRegex(@"\n[ \t>]*(\[[ 0-9.]+\] )?[ \t]*[A-Za-z_][\w.]* from [A-Za-z_][\w.]*\+0x", RegexOptions.NonBacktracking)]
    private static partial Regex ArmFromFrame();

    [GeneratedRegex(@"Call Trace:|Call trace:|<TASK>|<IRQ>|Backtrace:|Stack:|backtrace", RegexOptions.NonBacktracking)]
    private static partial Regex TraceHeader();

    [GeneratedRegex(@"\n[ \t>]*(\[[ 0-9.]+\] )?[ \t]*(\.\.\.|\[\.\.\.\]|<snip>|<\.\.\.>)[ \t]*\n", RegexOptions.NonBacktracking)]
    private static partial Regex Ellipsis();

    [GeneratedRegex(@"deadlock|lock state|locking|lock held|held lock|unlock balance|lockdep", RegexOptions.NonBacktracking)]
    private static partial Regex Lockdep();

    [GeneratedRegex(@"\]\[ *[TC]\d+\]", RegexOptions.NonBacktracking)]
    private static partial Regex CallerId();

    /// <summary>The __warn line that puts file and line first: `WARNING: kernel/x.c:238 at func+0x.., CPU#1: comm/pid`.</summary>
    [GeneratedRegex(@"WARNING: [\w/.-]+:\d+ at ", RegexOptions.NonBacktracking)]
    private static partial Regex NewWarning();

    /// <summary>kernel/panic.c __warn: `WARNING: CPU: %d PID: %d at %pS` (or `at file:line`) broken before its end.</summary>
    [GeneratedRegex(@"WARNING: CPU: \d+ PID: \d+ at *([\w/.-]+:\d+)? *$", RegexOptions.NonBacktracking)]
    private static partial Regex WrappedWarning();

    [GeneratedRegex(@"\+0x[0-9a-f]+/0x[0-9a-f]+ [\w/.-]+\.[chS]:\d+", RegexOptions.NonBacktracking)]
    private static partial Regex SourceLocatedFrame();

    [GeneratedRegex(@"\n[ \t>]*(\[[ 0-9.]+\] )?[ \t]*[A-Za-z_]\w* \([\w/.-]+\.[chS]:\d+", RegexOptions.NonBacktracking)]
    private static partial Regex DecodedFrame();
}
