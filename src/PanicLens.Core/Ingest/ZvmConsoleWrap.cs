namespace PanicLens.Ingest;

/// <summary>
/// z/VM's console breaks a guest's long line into lines of the terminal's width (CP TERMINAL LINESIZE, 80 on the
/// line-mode console the corpus shows), each starting with the virtual CPU column (`00: `); the break falls anywhere,
/// inside a word or a number (`5.4.0-rc7-next-2` / `0191118`). A full-width line of a stamped log followed, behind the
/// same lead (mail quoting and the column), by a line with no printk stamp of its own is one console line, joined back
/// without a blank.
/// </summary>
internal static class ZvmConsoleWrap
{
    public const int Width = 80;

    /// <summary>Longest lead kept: deep mail quoting and the 4-char column.</summary>
    public const int MaxLead = 24;

    private const int Column = 4;

    /// <summary>
    /// The length of the lead (quoting and column) of <paramref name="raw"/>, whose printk time is
    /// <paramref name="uptime"/>, when it is a full console line that may continue on the next; 0 otherwise.
    /// </summary>
    public static int WrappingLead(ReadOnlySpan<char> raw, string? uptime)
    {
        if (uptime is null)
            return 0;
        var lead = LeadLength(raw);
        return lead > 0 && raw.Length - lead + Column == Width ? lead : 0;
    }

    /// <summary>
    /// The text <paramref name="raw"/> adds to the wrapped line whose lead was <paramref name="lead"/>, and the length of
    /// its own lead; null when it starts a line of its own. The two leads must hold the same quote marks and column,
    /// spacing aside: RFC 3676 §4.5 counts the `>` marks for the depth, and a thread quoted by several clients writes one
    /// depth as `>> ` on some lines and `> > ` on others; indentation widths vary as much.
    /// </summary>
    public static string? Tail(ReadOnlySpan<char> raw, ReadOnlySpan<char> lead, out int ownLead)
    {
        ownLead = LeadLength(raw);
        if (ownLead == 0 || raw.Length <= ownLead || !SameMarks(raw[..ownLead], lead))
            return null;
        var scratch = new Prefix();
        var rest = raw[ownLead..];
        return PrefixScanners.Uptime(rest, ref scratch) > 0 ? null : rest.ToString();
    }

    /// <summary>The length of the lead of <paramref name="raw"/>: mail quoting and indentation, then the column; 0 without a column.</summary>
    private static int LeadLength(ReadOnlySpan<char> raw)
    {
        // What stands in front of the column was added after the console: indentation and quoting of a mail.
        var scratch = new Prefix();
        var outside = 0;
        for (var layer = 0; layer < 2; layer++)
            outside += Math.Max(CaptureScanners.Quote(raw[outside..], ref scratch), BlankLength(raw[outside..]));
        var lead = outside + Column;
        return lead <= MaxLead && CaptureScanners.ZvmCpu(raw[outside..], ref scratch) == Column ? lead : 0;
    }

    /// <summary>Whether two leads hold the same chars once blanks are left out (`> > 00: ` and `>> 00: `).</summary>
    private static bool SameMarks(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] is ' ' or '\t')
                i++;
            while (j < b.Length && b[j] is ' ' or '\t')
                j++;
            if (i == a.Length || j == b.Length)
                return i == a.Length && j == b.Length;
            if (a[i++] != b[j++])
                return false;
        }
    }

    private static int BlankLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && i < MaxLead && (s[i] == ' ' || s[i] == '\t'))
            i++;
        return i;
    }

    /// <summary>Whether the line that continued a wrap is itself full and may continue further.</summary>
    public static bool StillWrapping(ReadOnlySpan<char> raw, int lead) => raw.Length - lead + Column == Width;
}
