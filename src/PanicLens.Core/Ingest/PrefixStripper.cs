using PanicLens.Model;

namespace PanicLens.Ingest;

/// <summary>
/// Strips transport prefixes from one console line, trying every <see cref="PrefixForms"/> row at the start,
/// repeatedly, so mixed styles (`Jan 14 01:04:26 host kernel: [ 12.3] text`) and logs that mix two collectors read alike.
/// Outer layers (quoting, indentation, z/VM's column) are read only before any other prefix. A line wrapped in an
/// envelope (<see cref="EnvelopeForms"/>: journal JSON, LAVA, the Xen console) is opened and its inside stripped the
/// same way. The kernel's own text after the prefixes is kept byte for byte, leading indentation included.
/// </summary>
public static class PrefixStripper
{
    /// <summary>More stacked prefixes than any collector chain produces; bounds the work on hostile lines.</summary>
    private const int MaxRounds = 8;

    /// <summary>Envelopes opened one inside another at most (a LAVA record holding a Xen guest's line).</summary>
    private const int MaxEnvelopes = 2;

    public static LogLine ToLogLine(int number, ReadOnlySpan<char> raw)
    {
        raw = HtmlEntities.Decode(raw, out _);
        var prefix = new Prefix();
        var start = Strip(raw, ref prefix);
        var text = raw[start..];
        string? opened = null;
        for (var n = 0; n < MaxEnvelopes && EnvelopeForms.TryOpen(text, ref prefix, out var inner); n++)
        {
            opened = inner;
            prefix.Stamped = true;
            text = inner.AsSpan(Strip(inner, ref prefix));
        }
        if (!prefix.Stamped && prefix.Uptime is null && prefix.Timestamp is null && prefix.Context is null
            && CaptureScanners.GluedRecord(text, ref prefix) is > 0 and var glued)
        {
            // Last: no prefix or envelope gave the line a stamp of any kind, yet a printk record starts inside it, after
            // another writer's unended fragment on a shared console. (A line that opened with a stamp is the kernel's:
            // a record glued later into it is another CPU's, and its text before is kept.)
            text = text[glued..];
            text = text[Strip(text, ref prefix)..];
        }
        return new LogLine(number, opened is not null && text.Length == opened.Length ? opened : text.ToString(),
            prefix.Timestamp, prefix.Context)
        {
            Uptime = prefix.Uptime,
            Origin = prefix.Origin,
            Host = prefix.Host,
            Stamped = prefix.Stamped,
        };
    }

    /// <summary>Returns where the kernel's text starts in <paramref name="raw"/>.</summary>
    public static int Strip(ReadOnlySpan<char> raw, ref Prefix prefix)
    {
        var start = 0;
        var outer = true;
        for (var round = 0; round < MaxRounds; round++)
        {
            var consumed = 0;
            if (start == raw.Length)
                break;
            foreach (var form in PrefixForms.StartingWith(raw[start]))
            {
                if (form.Outer && !outer)
                    continue;
                consumed = form.Match(raw[start..], ref prefix);
                if (consumed > 0)
                {
                    outer &= form.Outer;
                    prefix.Stamped |= form.Stamps;
                    break;
                }
            }
            if (consumed == 0)
                break;
            start += consumed;
        }
        return start;
    }
}
