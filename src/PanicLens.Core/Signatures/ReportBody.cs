using PanicLens.Detection;
using PanicLens.Model;

namespace PanicLens.Signatures;

/// <summary>
/// The text a title is read from: the header line, then the lines of the same console context (same printk
/// caller id; or all timestamped lines; or all untimestamped ones), without unreliable `?` frames.
/// A `Kernel panic` or lockdep splat after a long report is the crash's consequence and cuts the body.
/// </summary>
public sealed class ReportBody
{
    private const int ConsequenceAfterLines = 22;
    private const int KmsanConsequenceAfterLines = 16;

    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>For each line, which stack-line literals it holds (see <see cref="StackLines.MarksOf"/>).</summary>
    public required IReadOnlyList<StackLineMarks> Marks { get; init; }

    /// <summary>True when line <paramref name="i"/> opens a stack section (<see cref="FramePatterns.StackStarts"/>), which ends the one before.</summary>
    public bool IsStackStart(int i) => (Marks[i] & StackLineMarks.StackStart) != 0 && FramePatterns.StackStartRegex.IsMatch(Lines[i]);

    /// <summary>True when line <paramref name="i"/> is a fault-injection frame (<see cref="FramePatterns.CorruptedLine"/>): the frames around it cannot be trusted.</summary>
    /// <summary>True when some line opens a stack section (`Call Trace:`, `Backtrace:`, ...); computed once.</summary>
    public bool HasStackStart => hasStackStart ??= Enumerable.Range(0, Lines.Count).Any(IsStackStart);

    private bool? hasStackStart;

    public bool IsCorruptedLine(int i) => (Marks[i] & StackLineMarks.FaultInjection) != 0 && FramePatterns.CorruptedLineRegex.IsMatch(Lines[i]);

    private string? text;

    /// <summary>Report patterns look a few lines below the header; this bounds their work on huge reports.</summary>
    private const int TextLines = 120;

    /// <summary>The first <see cref="TextLines"/> lines joined by `\n`, for multi-line report patterns (made on first use).</summary>
    public string Text => text ??= string.Join('\n', Lines.Count <= TextLines ? Lines : Lines.Take(TextLines));

    private const string NmiSent = "Sending NMI from CPU";
    private const string LockDebugOff = "Disabling lock debugging due to kernel taint";
    private const string Panic = "Kernel panic - not syncing";
    private const string CircularLocking = "WARNING: possible circular locking dependency detected";

    /// <summary>The literals the loop below looks for; a line holding none of them is simply kept.</summary>
    private static readonly PanicLens.Text.LiteralSet Notable = new([NmiSent, LockDebugOff, Panic, CircularLocking]);

    /// <summary>Those and the stack-line literals: one scan tells that most lines hold none of either.</summary>
    private static readonly PanicLens.Text.LiteralSet AnyLiteral = new([NmiSent, LockDebugOff, Panic, CircularLocking, .. StackLines.MarkLiterals]);

    public static ReportBody From(IReadOnlyList<LogLine> lines, bool hypervisor)
    {
        var header = lines[0];
        var context = ContextOf(header);
        var timed = context.Length > 0;
        var limit = header.Text.Contains("BUG: KMSAN:", StringComparison.Ordinal) ? KmsanConsequenceAfterLines : ConsequenceAfterLines;
        var body = new List<string>(lines.Count) { header.Text };
        var marks = new List<StackLineMarks>(lines.Count) { StackLines.MarksOf(header.Text) };
        var nmiSent = false;
        // Lines of the report's context read so far, the header and dropped lock-debugging notices included: the
        // convention's count (linux.go findReport textLines) for when a panic or lockdep splat is a consequence.
        var read = 1;
        // The line last kept in the body or joined to it: a wrap continues only the line right before it.
        var lastKept = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if ((!timed || ContextOf(line).Length == 0) && lastKept == i - 1 && WrappedLines.IsWrappedFunction(body[^1], text))
            {
                lastKept = i;
                // A mail client wrapped the line before right where its function starts: the tail lost its stamp.
                body[^1] = body[^1].TrimEnd() + " " + text.TrimStart();
                marks[^1] = StackLines.MarksOf(body[^1]);
                if (timed && body.Count > 1 && IsUnreliable(body[^1]))
                {
                    // Whole again, the frame shows its `?`: dropped as any unreliable frame of a timed context.
                    body.RemoveAt(body.Count - 1);
                    marks.RemoveAt(marks.Count - 1);
                }
                continue;
            }
            if (SymbolizedLines.IsWrappedSource(text) && (ContextOf(line).Length == 0 || ContextOf(line) == context))
            {
                // A wrapped symbolised frame or `WARNING: ... at` header: its source location went to a line of its own.
                lastKept = i;
                body[^1] = SymbolizedLines.JoinWrapped(body[^1], text);
                marks[^1] = StackLines.MarksOf(body[^1]);
                if (body.Count > 1 && SymbolizedLines.IsInlineExpansion(body[^1]))
                {
                    body.RemoveAt(body.Count - 1);
                    marks.RemoveAt(marks.Count - 1);
                }
                continue;
            }
            if (ContextOf(line) != context && !(nmiSent && line.Context is { Length: > 0 } c && c[0] == 'C'))
                continue;
            if (SymbolizedLines.IsInlineExpansion(text))
                continue;
            if (timed && IsUnreliable(text))
                continue;
            read++;
            var any = AnyLiteral.FoundIn(text);
            if (any && Notable.FoundIn(text))
            {
                nmiSent |= text.Contains(NmiSent, StringComparison.Ordinal);
                if (text.Contains(LockDebugOff, StringComparison.Ordinal))
                    continue;
                if (read > limit
                    && (text.Contains(Panic, StringComparison.Ordinal) || text.Contains(CircularLocking, StringComparison.Ordinal)))
                    break;
            }
            var kept = hypervisor ? StripHypervisor(text) : text;
            body.Add(kept);
            lastKept = i;
            marks.Add(any || hypervisor ? StackLines.MarksOf(kept) : StackLineMarks.None);
        }
        return new ReportBody { Lines = body, Marks = marks };
    }

    /// <summary>
    /// A frame the unwinder itself doubts: x86's `? foo+0x1/0x2`, powerpc's `... (unreliable)` suffix. Dropped in timed
    /// contexts only, as the convention does (linux.go:517 stripLinePrefix); an `&lt;EOI&gt;` line is never dropped.
    /// </summary>
    private static bool IsUnreliable(string text) =>
        (text.Contains(" ? ", StringComparison.Ordinal) || text.EndsWith(UnreliableSuffix, StringComparison.Ordinal))
        && !text.Contains("<EOI>", StringComparison.Ordinal);

    private const string UnreliableSuffix = " (unreliable)";

    /// <summary>`T123`/`C1` caller id, `console` for timestamped lines, empty for bare ones.</summary>
    private static string ContextOf(LogLine line) =>
        line.Context ?? (line.Uptime is not null ? "console" : "");

    /// <summary>`(XEN)    [&lt;ffff82d0&gt;] spinlock.c#check_lock+0x3c/0x40` → `   [&lt;ffff82d0&gt;] check_lock+0x3c/0x40`.</summary>
    private static string StripHypervisor(string text)
    {
        var s = text.StartsWith("(XEN)", StringComparison.Ordinal) ? text[5..] : text;
        var hash = s.IndexOf('#');
        if (hash > 0 && s.IndexOf("+0x", StringComparison.Ordinal) > hash)
        {
            var start = hash;
            while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '>' && s[start - 1] != ']')
                start--;
            s = s[..start] + s[(hash + 1)..];
        }
        return s;
    }
}
