using System.Text.RegularExpressions;
using PanicLens.Model;

namespace PanicLens.Mining.Checking;

/// <summary>
/// Names the likely cause of a failure from what the raw text shows around the evidence (quoting, wrapping, the
/// printed form, the frame style), so that the digest groups failures one parser rule can fix together. The first
/// feature that applies names the group; a heuristic for grouping, not a verdict.
/// </summary>
public static partial class CauseNamer
{
    public static string Task(Evidence task, MailText text)
    {
        if (Quoted(task.Text))
            return $"task line `{task.Form}` mail-quoted";
        if (task.Comm.Length == 0)
            return $"task line `{task.Form}` wrapped right after `Comm:`";
        if (task.Form == "CPU: PID: Comm:" && !task.Text.Contains("ainted", StringComparison.Ordinal)
            && text[task.Line + 1].Contains("ainted", StringComparison.Ordinal))
            return $"task line `{task.Form}` wrapped before `Not tainted`/`Tainted:`";
        return $"task line `{task.Form}` not read{Indent(task.Text)}";
    }

    public static string Kernel(Evidence release, CrashReport report, MailText text)
    {
        if (release.Line < report.StartLine)
            return $"release only in the boot banner `Linux version` before the report{Quote(release.Text)}";
        if (Quoted(release.Text))
            return $"release `{release.Form}` mail-quoted";
        if (text[release.Line - 1].TrimEnd().EndsWith("Comm:", StringComparison.Ordinal) || !release.Text.Contains("Comm:", StringComparison.Ordinal)
            && text[release.Line - 1].Contains("Comm:", StringComparison.Ordinal))
            return $"release `{release.Form}` on the line after a wrapped task line";
        return $"release `{release.Form}` not read{Indent(release.Text)}";
    }

    public static string Function(Evidence frame, CrashReport report, MailText text)
    {
        var titled = !report.Title.EndsWith(" in corrupted", StringComparison.Ordinal) && report.Title.Contains(" in ", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(report.Function) && titled)
            return $"title names a function but `function` is empty (header kind `{report.Kind}`)";
        if (Quoted(frame.Text))
            return $"frames mail-quoted ({frame.Form})";
        var excerpt = text.Excerpt(report.StartLine, report.EndLine);
        if (WrappedArmFrame().IsMatch(excerpt))
            return "arm `(func) from [<addr>]` frames wrapped onto the next line";
        if (ArmFromFrame().IsMatch(excerpt))
            return "arm `caller from callee+0x1/0x2` frames (arm unwinder, 5.x on)";
        if (SourceLocatedFrame().IsMatch(excerpt))
            return "frames printed with source `file.c:123` (syzbot style)";
        if (DecodedFrame().IsMatch(excerpt))
            return "frames decoded by decode_stacktrace.sh (`func (file.c:123)`, no offsets)";
        if (!TraceHeader().IsMatch(excerpt))
            return $"frames with no `Call Trace:`/`Call trace:`/`<TASK>` line (trimmed by the poster; {frame.Form})";
        if (report.EndLine - report.StartLine < 6)
            return $"report of under 7 lines ({frame.Form})";
        var reason = report.CorruptionReason is { Length: > 0 } why ? $", corrupted: {why}" : "";
        return $"{frame.Form}{Indent(frame.Text)}; header kind `{report.Kind}`{reason}";
    }

    public static string Header(Evidence header)
    {
        if (Quoted(header.Text))
            return "crash text mail-quoted";
        if (header.Text.Length > 0 && header.Text[0] is ' ' or '\t')
            return "crash text indented";
        return $"plain crash text, header `{HeaderWord(header.Text)}`";
    }

    /// <summary>Groups reports with no crash text by header kind and the title's first two words.</summary>
    public static string NoEvidence(CrashReport report)
    {
        var words = report.Title.Split(' ', 3);
        return $"header kind `{report.Kind}`, title `{string.Join(' ', words.Take(2))} ...`";
    }

    public static bool Quoted(string line) => line.AsSpan().TrimStart().StartsWith(">");

    private static string Quote(string line) => Quoted(line) ? ", mail-quoted" : "";

    private static string Indent(string line) => line.Length > 0 && line[0] is ' ' or '\t' ? ", indented" : "";

    private static string HeaderWord(string line)
    {
        foreach (var word in (ReadOnlySpan<string>)["BUG: KASAN", "BUG: KFENCE", "BUG: ", "WARNING: ", "Oops", "Unable to handle kernel",
            "general protection fault", "Kernel panic", "INFO: task", "rcu", "kernel BUG at", "Internal error:", "UBSAN:"])
            if (line.Contains(word, StringComparison.Ordinal))
                return word.Trim();
        return "header";
    }

    /// <summary>An arm frame line broken after `from [&lt;addr&gt;]` (its callee on the next line) or after `from`.</summary>
    [GeneratedRegex(@"\) from (\[<[0-9a-f]+>\])?[ \t]*\n[ \t>]*(\(|\[<)", RegexOptions.NonBacktracking)]
    private static partial Regex WrappedArmFrame();

    [GeneratedRegex(@"\n[ \t>]*(\[[ 0-9.]+\] )?[ \t]*[A-Za-z_][\w.]* from [A-Za-z_][\w.]*\+0x", RegexOptions.NonBacktracking)]
    private static partial Regex ArmFromFrame();

    [GeneratedRegex(@"Call Trace:|Call trace:|<TASK>|<IRQ>|Backtrace:|Stack:|backtrace", RegexOptions.NonBacktracking)]
    private static partial Regex TraceHeader();

    [GeneratedRegex(@"\+0x[0-9a-f]+/0x[0-9a-f]+ [\w/.-]+\.[chS]:\d+", RegexOptions.NonBacktracking)]
    private static partial Regex SourceLocatedFrame();

    [GeneratedRegex(@"\n[ \t>]*(\[[ 0-9.]+\] )?[ \t]*[A-Za-z_]\w* \([\w/.-]+\.[chS]:\d+", RegexOptions.NonBacktracking)]
    private static partial Regex DecodedFrame();
}
