using System.Text;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// The kinds of change a console log goes through between the machine and us (issue 10 §3), each making the variants
/// of one log. Every variant must read as the original does.
/// </summary>
public static class VariantKinds
{
    /// <summary>A user-space syslog line as rsyslog writes it to the same file or console.</summary>
    public const string SyslogLine = "Jan 14 01:04:26 web01 sshd[4242]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)";

    /// <summary>agetty's prompt: it prints no newline, so the next console line is glued to it.</summary>
    public const string LoginPrompt = "web01 login: ";

    private static readonly string[] NoiseBefore =
    [
        "Starting Journal Service...",
        "[  OK  ] Started Journal Service.",
        "Debian GNU/Linux 12 web01 ttyS0",
        "",
        "root@web01:~# ./run-tests.sh --long",
        "test 17/240: open-close ... ok",
        "Connection to 10.0.0.7 closed by remote host.",
    ];

    private static readonly string[] NoiseAfter =
    [
        "",
        "[ TIME ] Timed out waiting for device /dev/ttyS1.",
        "root@web01:~# echo $?",
        "0",
        "Read from remote host 10.0.0.7: Connection reset by peer",
    ];

    public static readonly VariantKind[] All =
    [
        new("prefix", "every prefix style of PrefixForms in front of every line", Prefixed),
        new("quote", "mail and ticket quoting", log =>
        [
            Variant.OfLines("> ", log.Lines().Select(l => "> " + l)),
            Variant.OfLines(">> ", log.Lines().Select(l => ">> " + l)),
            Variant.OfLines("| ", log.Lines().Select(l => "| " + l)),
        ]),
        new("reply", "quoted in a reply: depth spelled `> > `, mixed, glued marks, the replier's comment between frames", ReplyQuotes.Of),
        new("indent", "pasted into a mail or ticket indented", log =>
        [
            Variant.OfLines("4 spaces", log.Lines().Select(l => "    " + l)),
            Variant.OfLines("tab", log.Lines().Select(l => "\t" + l)),
        ]),
        new("crlf", "saved on Windows or captured from a terminal", log => [Variant.OfText("CRLF", log.Text.Replace("\n", "\r\n", StringComparison.Ordinal))]),
        new("foreign", "a getty prompt or a user-space syslog line between two frame lines", Foreign),
        new("chunks", "the bytes arrive in two reads cut at an arbitrary byte", Chunks),
        new("layered", "a prefix style, then quoting or indentation, then CRLF, stacked", log =>
            Layered(log, CorpusLog.All.Select((l, i) => (l, i)).First(p => ReferenceEquals(p.l, log)).i)),
        new("noise", "unrelated console lines before and after the log", log =>
            [Variant.OfLines("noise", NoiseBefore.Concat(log.Lines()).Concat(NoiseAfter))]),
    ];

    private static IEnumerable<Variant> Prefixed(CorpusLog log)
    {
        var facts = LineFacts.Of(log);
        var reprefix = LineFacts.Reprefixable(facts);
        foreach (var style in PrefixStyles.All)
            yield return Variant.OfLines(style.Name, Render(facts, reprefix, style));
    }

    /// <summary>
    /// Layers stacked as they happen: a collector's or the kernel's prefix, then a mail's quoting or indentation, then
    /// CRLF line ends. Three per log, the prefix style turning with the log's place in the corpus so that across the
    /// corpus every style meets every layer.
    /// </summary>
    private static IEnumerable<Variant> Layered(CorpusLog log, int place)
    {
        var facts = LineFacts.Of(log);
        var reprefix = LineFacts.Reprefixable(facts);
        string[] layers = ["> ", "    ", ">> "];
        for (var n = 0; n < layers.Length; n++)
        {
            var style = PrefixStyles.All[(place * layers.Length + n) % PrefixStyles.All.Length];
            var end = n == 0 ? "\r\n" : "\n";
            var lines = Render(facts, reprefix, style).SelectMany(l => l.Split('\n')).Select(l => layers[n] + l);
            yield return Variant.OfText($"{layers[n].Replace(" ", "_", StringComparison.Ordinal)}over {style.Name}", string.Join(end, lines));
        }
    }

    private static string[] Render(List<LineFacts> facts, bool[] reprefix, PrefixStyle style)
    {
        var lines = new string[facts.Count];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = reprefix[i] ? style.Render(facts[i], i) : facts[i].Raw;
        return lines;
    }

    private static IEnumerable<Variant> Foreign(CorpusLog log)
    {
        if (FrameGap.After(log) is not { } at)
            yield break;
        var lines = log.Lines();
        if (at + 1 >= lines.Length)
            yield break;
        // The prompt is glued to the next console line where the console printed it: behind any layer added later
        // (quoting, indentation), in front of the line's own prefix; never to a mail-wrapped tail.
        var facts = LineFacts.Of(log);
        var console = LineFacts.Reprefixable(facts);
        var next = facts.FindIndex(f => f.Index > at);
        while (next >= 0 && next < facts.Count && !console[next])
            next++;
        var glue = next >= 0 && next < facts.Count ? facts[next].Index : at + 1;
        var glued = (string[])lines.Clone();
        var outer = LineFacts.OuterLength(glued[glue]);
        glued[glue] = glued[glue][..outer] + LoginPrompt + glued[glue][outer..];
        yield return Variant.OfLines("login prompt", glued);
        yield return Variant.OfLines("syslog line", lines.Take(at + 1).Append(SyslogLine).Concat(lines.Skip(at + 1)));
    }

    private static IEnumerable<Variant> Chunks(CorpusLog log)
    {
        var bytes = Encoding.Latin1.GetBytes(log.Text);
        if (bytes.Length < 2)
            yield break;
        var random = new Random(log.Seed());
        for (var n = 0; n < 3; n++)
        {
            var cut = random.Next(1, bytes.Length);
            yield return new Variant("cut at " + cut, () => new TwoPieceStream(bytes, cut));
        }
    }
}
