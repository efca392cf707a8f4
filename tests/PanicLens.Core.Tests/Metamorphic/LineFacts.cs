using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// One physical line of a corpus log as Ingest reads it: the kernel text, the facts its prefixes gave, and whether a
/// variant may re-prefix it. User-space syslog lines keep their own header in every variant.
/// </summary>
public sealed record LineFacts(int Index, string Raw, string Text, string? Uptime, string? Context, bool Prefixed, bool Foreign)
{
    /// <summary>
    /// The log's lines as Ingest reads them: one entry per line it yields, whose <see cref="Raw"/> holds every
    /// physical line it was read from (a console wrap that Ingest joined stays joined in every variant), the first at
    /// <see cref="Index"/> (0-based).
    /// </summary>
    public static List<LineFacts> Of(CorpusLog log)
    {
        var raw = log.Lines();
        var lines = LineReader.Read(log.Text).ToList();
        var facts = new List<LineFacts>(lines.Count);
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            var first = line.Number - 1;
            var end = k + 1 < lines.Count ? lines[k + 1].Number - 1 : raw.Length;
            while (end > first + 1 && raw[end - 1].Length == 0)
                end--;
            var physical = string.Join('\n', raw[first..end]);
            var foreign = line.Origin is { } origin && origin != "kernel";
            facts.Add(new LineFacts(first, physical, line.Text, line.Uptime, line.Context,
                end - first > 1 || line.Text.Length != raw[first].Length, foreign));
        }
        return facts;
    }

    /// <summary>
    /// The lines a collector or the kernel would prefix: in a log where many lines carry a prefix only those that do
    /// (an unprefixed line there is a mail wrap or another stream, and stays so), in an unprefixed log every kernel
    /// line; never a user-space syslog line nor a hypervisor's `(XEN)` line.
    /// </summary>
    public static bool[] Reprefixable(IReadOnlyList<LineFacts> lines)
    {
        int prefixed = 0, nonEmpty = 0;
        foreach (var f in lines)
        {
            if (f.Raw.Length == 0)
                continue;
            nonEmpty++;
            if (f.Prefixed)
                prefixed++;
        }
        // Firmware, boot loader or fuzzer output can outnumber the kernel's stamped lines: a tenth is enough.
        var prefixedLog = prefixed > 0 && (prefixed * 10 >= nonEmpty || prefixed >= 20);
        var result = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var f = lines[i];
            result[i] = !f.Foreign && !f.Text.TrimStart().StartsWith("(XEN)", StringComparison.Ordinal)
                && (prefixedLog ? f.Prefixed : f.Raw.Length > 0);
        }
        return result;
    }

    /// <summary>How many chars of <paramref name="raw"/> are layers added after the console (quoting, indentation, z/VM's column).</summary>
    public static int OuterLength(string raw)
    {
        var start = 0;
        var prefix = new Prefix();
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var form in PrefixForms.All)
            {
                if (form.Outer && form.Match(raw.AsSpan(start), ref prefix) is > 0 and var n)
                {
                    start += n;
                    progress = true;
                    break;
                }
            }
        }
        return start;
    }

    /// <summary>The kernel's own part of the line: its printk time and caller id when it had them, then the text.</summary>
    public string KernelPart()
    {
        if (Uptime is null)
            return Context is null ? Text : $"[{Context,6}] {Text}";
        return Context is null ? $"[{Uptime,12}] {Text}" : $"[{Uptime,12}][{Context,6}] {Text}";
    }
}
