using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Signatures;

/// <summary>
/// Whether a report reads as a machine's console capture, the form the syzbot convention was made for, or as text a
/// person pasted (a mail, a ticket, a commit message). On a console capture the convention's verdict stands: where its
/// own frame reading finds nothing, the title says `in corrupted` (issue 10 keeps the syzkaller corpus at 479/479).
/// On pasted text a person trimmed, wrapped or re-indented the report, and the function a reader sees on the
/// parser's frames or instruction pointer names the title instead (issue 10 §2: a title names a function whenever
/// any frame or IP of the crash is printed).
/// </summary>
public static class ConsoleForm
{
    /// <summary>
    /// Lines only syzkaller's test machines print; a report holding one is a console capture even where the
    /// capture lost its stamps (the arm logs of ../shared/corpus/syzkaller-linux print none).
    /// </summary>
    public static readonly (string Literal, string Why)[] SyzkallerMarkers =
    [
        ("Rebooting in 86400 seconds", "syzkaller boots its VMs with panic=86400 (syz-manager's kernel command line)"),
    ];

    /// <summary>
    /// True when the report is a console capture: the console put a prefix of its own on the header line (a time, a
    /// level, a caller id, a tag: <see cref="LogLine.Stamped"/>) and no line was trimmed by hand, or a syzkaller-only line is among the report's lines.
    /// </summary>
    public static bool IsConsoleCapture(IReadOnlyList<LogLine> lines)
    {
        if (lines.Count == 0)
            return false;
        var stamped = lines[0].Stamped || lines[0].Uptime is not null || lines[0].Context is not null;
        foreach (var line in lines)
        {
            foreach (var (literal, _) in SyzkallerMarkers)
                if (line.Text.Contains(literal, StringComparison.Ordinal))
                    return true;
            if (stamped && IsElision(line.Text))
                stamped = false;
        }
        return stamped;
    }

    /// <summary>True when the line, past blanks and `&gt;` quotes, is only a trim mark (<see cref="TrimMarks"/>).</summary>
    public static bool IsElision(string text) => TrimMarks.IsTrimMark(text);
}
