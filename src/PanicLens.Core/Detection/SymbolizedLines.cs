using System.Text.RegularExpressions;
using PanicLens.Model;

namespace PanicLens.Detection;

/// <summary>
/// What syzkaller's symbolizer adds to a report, undone for its title. The convention reads a title from the console
/// output as the kernel printed it and symbolises the report afterwards (google/syzkaller `pkg/report/linux.go`:
/// `Parse` titles, `symbolize` then rewrites each `func+0x1/0x2` line): every frame, the header's own included, gains
/// its `file.c:12` source, and the functions inlined into it come first, one line each as `name file.c:12 [inline]`
/// with no offset (the line's prefix, such as `BUG: KASAN: use-after-free in `, repeated). Those lines were never in
/// the console, so the title skips them. A mail client wrapping at 72-80 columns may move the appended source
/// location to a line of its own; it is joined back to the frame it belongs to.
/// </summary>
public static partial class SymbolizedLines
{
    private const string InlineMark = " [inline]";

    /// <summary>
    /// `name mm/file.c:12 [inline]`, or a header line ending so (the 6.17 `WARNING: F:L at name f.c:12 [inline], CPU#1:
    /// comm/pid` keeps its tail after the mark): a frame the symbolizer added, with no offset.
    /// </summary>
    public static bool IsInlineExpansion(string text)
    {
        var t = text.AsSpan().TrimEnd();
        var mark = t.LastIndexOf(InlineMark, StringComparison.Ordinal);
        if (mark < 0)
            return false;
        var after = t[(mark + InlineMark.Length)..];
        // After the mark: nothing; the 6.17 header's `, CPU#1: ...`; or, in syzbot's mails of 2021, the caller's location
        // appended once more (`name f.c:82 [inline] f.c:497`), a symbolizer's doubling that still adds no console line.
        if (!(after.IsEmpty || after.StartsWith(", ", StringComparison.Ordinal)
            || (after.Length > 1 && after[0] == ' ' && SourceLocation().IsMatch(after[1..]))))
            return false;
        var rest = t[..mark];
        if (rest.Contains("+0x", StringComparison.Ordinal))
            return false;
        var space = rest.LastIndexOf(' ');
        return space > 0 && SourceLocation().IsMatch(rest[(space + 1)..]);
    }

    /// <summary>
    /// A line holding only a source location (`lib/refcount.c:123`, `include/x.h:26 [inline]`), or only the mark when
    /// the wrap fell on the blank before it: a wrapped frame's tail.
    /// </summary>
    public static bool IsWrappedSource(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.SequenceEqual(InlineMark.AsSpan(1)))
            return true;
        if (t.EndsWith(InlineMark, StringComparison.Ordinal))
            t = t[..^InlineMark.Length];
        return t.Length > 0 && t.IndexOf(' ') < 0 && SourceLocation().IsMatch(t);
    }

    /// <summary>A frame or header line with its wrapped source location joined back, one blank between.</summary>
    public static string JoinWrapped(string line, string source) => line.TrimEnd() + " " + source.Trim();

    /// <summary>
    /// The report from its first header line that the console printed: leading header lines that are inline
    /// expansions (each followed by another header line) are skipped, a wrapped source location counted with its line.
    /// </summary>
    public static IReadOnlyList<LogLine> FromPrintedHeader(IReadOnlyList<LogLine> lines)
    {
        var skip = 0;
        while (skip < lines.Count - 1)
        {
            var text = lines[skip].Text;
            var next = skip + 1;
            if (IsWrappedSource(lines[next].Text))
                text = JoinWrapped(text, lines[next++].Text);
            if (!IsInlineExpansion(text) || next >= lines.Count || CrashHeaders.Find(lines[next].Text, out _) is null)
                break;
            skip = next;
        }
        return skip == 0 ? lines : lines.Skip(skip).ToList();
    }

    // A path ending in a C, header, assembly or Rust file and its line; bounded, no nested quantifier.
    [GeneratedRegex(@"^[\w./+-]{1,240}\.(?:c|h|S|rs):\d{1,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLocation();
}
