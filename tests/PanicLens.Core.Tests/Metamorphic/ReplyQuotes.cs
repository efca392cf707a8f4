using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// A log quoted in a reply the ways mail clients and people do it (RFC 3676 §4.5 quote marks): depth written `> > ` or
/// `>>`, the two spellings mixed in one thread, marks glued to the text, an empty line quoted as a bare `>`, and the
/// replier's own comment written between two frame lines, unquoted or one level up, and the depth changing there.
/// </summary>
public static class ReplyQuotes
{
    /// <summary>The replier's comment slipped between two frame lines: a paragraph of prose, set off by empty lines.</summary>
    private static readonly string[] Comment = ["", "This is the frame where it goes wrong, the caller below it holds the lock.", ""];

    public static IEnumerable<Variant> Of(CorpusLog log)
    {
        var lines = log.Lines();
        yield return Variant.OfLines("> > ", lines.Select(l => Quote("> > ", l)));
        yield return Variant.OfLines("glued >", lines.Select(l => ">" + l));
        yield return Variant.OfLines(">> and > > mixed", lines.Select((l, i) => Quote(i % 2 == 0 ? ">> " : "> > ", l)));
        // Only between two frame lines: a comment between two headers may rightly part them into two reports.
        if (FrameGap.After(log) is not { } at || at + 1 >= lines.Length || !FrameGap.IsFrame(PrefixStripper.ToLogLine(at + 1, lines[at]).Text))
            yield break;
        var quoted = lines.Select(l => Quote("> ", l)).ToList();
        yield return Variant.OfLines("comment between frames", Insert(quoted, at, Comment));
        var deeper = lines.Select(l => Quote("> > ", l)).ToList();
        yield return Variant.OfLines("comment one level up", Insert(deeper, at, Comment.Select(c => Quote("> ", c))));
        yield return Variant.OfLines("depth changes mid-report", lines.Select((l, i) => Quote(i <= at ? "> > " : "> ", l)));
    }

    /// <summary>
    /// A line re-wrapped by the replier's client (one that does not send format=flowed, RFC 3676, breaks quoted text at
    /// its width): broken at the last blank before <paramref name="width"/> columns, each piece behind the marks.
    /// </summary>
    public static IEnumerable<string> Rewrap(string marks, string line, int width)
    {
        var rest = line;
        while (marks.Length + rest.Length > width && rest.LastIndexOf(' ', width - marks.Length) is > 0 and var cut
            && rest[..cut].Trim().Length > 0)
        {
            yield return marks + rest[..cut];
            rest = rest[(cut + 1)..];
        }
        yield return Quote(marks, rest);
    }

    /// <summary>A quoted line as clients write it: an empty line gets the marks alone, without the trailing space.</summary>
    private static string Quote(string marks, string line) => line.Length == 0 ? marks.TrimEnd() : marks + line;

    private static IEnumerable<string> Insert(List<string> lines, int after, IEnumerable<string> inserted) =>
        lines.Take(after + 1).Concat(inserted).Concat(lines.Skip(after + 1));
}
