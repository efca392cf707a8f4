namespace PanicLens.Mining.Checking;

/// <summary>
/// Reads the evidence of raw lines with <see cref="EvidencePatterns"/>. Knows nothing of PanicLens' parser: this is
/// the independent reading the reports are held to.
/// </summary>
public static class EvidenceReader
{
    public static IEnumerable<Evidence> Read(string line, int number)
    {
        foreach (var row in EvidencePatterns.All)
        {
            if (row.Literal.Length > 0 && !line.Contains(row.Literal, StringComparison.Ordinal))
                continue;
            var match = row.Pattern.Match(line);
            if (!match.Success)
                continue;
            var form = row.Kind == EvidenceKind.Frame ? FrameForms.Of(line) : row.Form;
            yield return new Evidence(row.Kind, form, number, line)
            {
                Comm = match.Groups["comm"].Value,
                Pid = match.Groups["pid"].Value,
                Release = match.Groups["release"].Value,
                Function = match.Groups["function"].Value,
                Taint = match.Groups["taint"].Value,
                Hardware = match.Groups["hardware"].Value.TrimEnd(),
                At = match.Index,
                Unreliable = row.Kind == EvidenceKind.Frame && MarkedUnreliable(line.AsSpan(0, match.Index)),
            };
        }
    }

    /// <summary>
    /// Whether the unwinder marked the frame `?` (arch/x86/kernel/dumpstack.c printk_stack_address: reliable ? "" :
    /// "? "), before the symbol or before its `[&lt;address&gt;]`.
    /// </summary>
    public static bool MarkedUnreliable(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        if (before.EndsWith(">]"))
        {
            var open = before.LastIndexOf("[<");
            if (open >= 0)
                before = before[..open].TrimEnd();
        }
        return before.EndsWith("?");
    }

    /// <summary>Whether the line is mail-quoted: `>` (any depth) before its text, after any indentation.</summary>
    public static bool Quoted(string line) => line.AsSpan().TrimStart().StartsWith(">");
}
