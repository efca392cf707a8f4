namespace PanicLens.Ingest;

/// <summary>
/// The envelopes we open, tried in order on what is left of a line after its prefixes. Each row: name, an example,
/// how its lines start, the scanner. A plain console line costs a first-char test.
/// </summary>
public static class EnvelopeForms
{
    public static readonly EnvelopeForm[] All =
    [
        // journalctl -o json / json-seq / export-as-json: one object per line, the console text in MESSAGE.
        new("journal-json", "{\"__REALTIME_TIMESTAMP\":\"1484355866123456\",\"SYSLOG_IDENTIFIER\":\"kernel\",\"MESSAGE\":\"Call Trace:\"}",
            ["{\""], EnvelopeScanners.JournalJson),
        // LAVA job logs (output.yaml, CI artefacts): one flow mapping per line; lvl "target" is the board's console.
        new("lava", "- {\"dt\": \"2023-01-13T10:43:11.693457\", \"lvl\": \"target\", \"msg\": \"[   12.345678] Call Trace:\"}",
            ["- {\"", "{\""], EnvelopeScanners.Lava),
        // Xen's console: its own time stamp after `(XEN)`, and guests' output relayed as `(XEN) (d1) ` or `(d1) `.
        new("xen-console", "(XEN) [2019-03-27 15:56:40.123] | (XEN) [    3.303245] | (XEN) (d1) [    0.000000] | (d3) ",
            ["(XEN) ", "(d0", "(d1", "(d2", "(d3", "(d4", "(d5", "(d6", "(d7", "(d8", "(d9"], EnvelopeScanners.XenConsole),
    ];

    public static bool TryOpen(ReadOnlySpan<char> text, ref Prefix prefix, out string inner)
    {
        if (text.Length > 0 && (text[0] == '{' || text[0] == '-' || text[0] == '('))
        {
            foreach (var form in All)
                if (PrefixScanners.StartsWithAny(text, form.Marks) && form.Open(text, ref prefix, out inner))
                    return true;
        }
        inner = "";
        return false;
    }

    /// <summary>Whether <paramref name="text"/> starts the way some envelope does (no allocation; the indentation form asks).</summary>
    public static bool MayOpen(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || (text[0] != '{' && text[0] != '-' && text[0] != '('))
            return false;
        foreach (var form in All)
            if (PrefixScanners.StartsWithAny(text, form.Marks))
                return true;
        return false;
    }
}
