using PanicLens.Model;

namespace PanicLens.Ingest;

/// <summary>
/// Strips transport prefixes from one console line, trying every <see cref="PrefixForms"/> row at the start,
/// repeatedly, so mixed styles (`Jan 14 01:04:26 host kernel: [ 12.3] text`) and logs that mix two collectors read alike.
/// The kernel's own text after the prefixes is kept byte for byte, leading indentation included.
/// </summary>
public static class PrefixStripper
{
    /// <summary>More stacked prefixes than any collector chain produces; bounds the work on hostile lines.</summary>
    private const int MaxRounds = 6;

    public static LogLine ToLogLine(int number, ReadOnlySpan<char> raw)
    {
        var prefix = new Prefix();
        var start = Strip(raw, ref prefix);
        return new LogLine(number, raw[start..].ToString(), prefix.Timestamp, prefix.Context)
        {
            Uptime = prefix.Uptime,
            Origin = prefix.Origin,
        };
    }

    /// <summary>Returns where the kernel's text starts in <paramref name="raw"/>.</summary>
    public static int Strip(ReadOnlySpan<char> raw, ref Prefix prefix)
    {
        var start = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var consumed = 0;
            foreach (var form in PrefixForms.All)
            {
                consumed = form.Match(raw[start..], ref prefix);
                if (consumed > 0)
                    break;
            }
            if (consumed == 0)
                break;
            start += consumed;
        }
        return start;
    }
}
