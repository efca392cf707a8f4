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
        // What stands in front of the column was added after the console: indentation and quoting of a mail.
        var scratch = new Prefix();
        var outside = 0;
        for (var layer = 0; layer < 2; layer++)
            outside += Math.Max(CaptureScanners.Quote(raw[outside..], ref scratch), BlankLength(raw[outside..]));
        var lead = outside + Column;
        return raw.Length - outside == Width && lead <= MaxLead && CaptureScanners.ZvmCpu(raw[outside..], ref scratch) == Column ? lead : 0;
    }

    /// <summary>The text <paramref name="raw"/> adds to the wrapped line whose lead was <paramref name="lead"/>; null when it starts a line of its own.</summary>
    public static string? Tail(ReadOnlySpan<char> raw, ReadOnlySpan<char> lead)
    {
        if (raw.Length <= lead.Length || !raw.StartsWith(lead))
            return null;
        var scratch = new Prefix();
        var rest = raw[lead.Length..];
        return PrefixScanners.Uptime(rest, ref scratch) > 0 ? null : rest.ToString();
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
