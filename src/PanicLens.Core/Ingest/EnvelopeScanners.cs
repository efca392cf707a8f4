using System.Globalization;

namespace PanicLens.Ingest;

/// <summary>Scanners for <see cref="EnvelopeForms"/>: each rejects on its first chars and allocates only for a line it opens.</summary>
internal static class EnvelopeScanners
{
    private static readonly string[] JournalFields =
        ["MESSAGE", "_TRANSPORT", "SYSLOG_IDENTIFIER", "_SOURCE_MONOTONIC_TIMESTAMP", "__REALTIME_TIMESTAMP"];

    private static readonly string[] LavaFields = ["dt", "lvl", "msg"];

    /// <summary>Longest time stamp the Xen console prints in brackets (`[2019-03-27 15:56:40.123]`).</summary>
    private const int MaxXenStamp = 32;

    /// <summary>
    /// `journalctl -o json` (also json-seq, whose RS byte the line reader drops): MESSAGE is the text, a string or an
    /// array of bytes; a kernel record (`_TRANSPORT=kernel`) keeps its printk time (_SOURCE_MONOTONIC_TIMESTAMP, µs)
    /// as the uptime; SYSLOG_IDENTIFIER names any other program; __REALTIME_TIMESTAMP (µs since the epoch) is the time.
    /// See systemd.journal-fields(7).
    /// </summary>
    public static bool JournalJson(ReadOnlySpan<char> s, ref Prefix p, out string inner)
    {
        inner = "";
        Span<Range> values = stackalloc Range[5];
        if (s[0] != '{' || !JsonLine.TryFields(s, JournalFields, values))
            return false;
        var message = s[values[0]];
        if (message.Length == 0)
            return false;
        inner = JsonLine.IsString(message) ? JsonLine.Text(message) : message[0] == '[' ? JsonLine.Bytes(message) : message.ToString();
        var transport = s[values[1]];
        var kernel = JsonLine.IsString(transport) && transport[1..^1].SequenceEqual("kernel");
        var identifier = s[values[2]];
        if (kernel)
            p.Origin = "kernel";
        else if (JsonLine.IsString(identifier))
            p.Origin = JsonLine.Text(identifier);
        if (kernel && Micros(s[values[3]]) is { } monotonic)
            p.Uptime = PrefixScanners.FormatMicros(monotonic.ToString(CultureInfo.InvariantCulture));
        if (Micros(s[values[4]]) is { } realtime && realtime < DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000)
            p.Timestamp = DateTimeOffset.UnixEpoch.AddTicks(realtime * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// A LAVA job log record, `- {"dt": ISO, "lvl": LEVEL, "msg": TEXT}` (the `- ` of its YAML list optional): level
    /// `target` is the console of the device under test; any other level (info, debug, input, results, feedback ...)
    /// is LAVA's own voice and is tagged with the origin `lava`, so it never opens or extends a report.
    /// </summary>
    public static bool Lava(ReadOnlySpan<char> s, ref Prefix p, out string inner)
    {
        inner = "";
        if (s.StartsWith("- "))
            s = s[2..];
        Span<Range> values = stackalloc Range[3];
        if (s.Length == 0 || s[0] != '{' || !JsonLine.TryFields(s, LavaFields, values))
            return false;
        var level = s[values[1]];
        var message = s[values[2]];
        if (!JsonLine.IsString(level) || message.Length == 0)
            return false;
        inner = JsonLine.IsString(message) ? JsonLine.Text(message) : message.ToString();
        if (!level[1..^1].SequenceEqual("target"))
            p.Origin = "lava";
        var time = s[values[0]];
        if (JsonLine.IsString(time))
            p.Timestamp = JsonLine.Text(time);
        return true;
    }

    /// <summary>
    /// The Xen console. With `console_timestamps=` Xen stamps its own lines `(XEN) [2019-03-27 15:56:40.123] ` or
    /// `(XEN) [    3.303245] `: the stamp goes, `(XEN) ` stays (later stages read hypervisor lines by it). A guest's
    /// output relayed by Xen (`(XEN) (d1) `, newer Xen `(d1) `) is that guest's console: both marks go.
    /// </summary>
    public static bool XenConsole(ReadOnlySpan<char> s, ref Prefix p, out string inner)
    {
        inner = "";
        const string Xen = "(XEN) ";
        var xen = s.StartsWith(Xen);
        var i = xen ? Xen.Length : 0;
        var stamp = xen ? StampLength(s[i..]) : 0;
        if (stamp > 0)
        {
            var close = s[i..].IndexOf(']');
            if (close > 19 && s[i + 5] == '-' && s[i + 8] == '-' && s[i + 11] == ' ')
                p.Timestamp = string.Concat(s.Slice(i + 1, 10), "T", s.Slice(i + 12, close - 12));
            i += stamp;
        }
        var guest = GuestLength(s[i..]);
        if (guest > 0)
        {
            inner = s[(i + guest)..].ToString();
            return true;
        }
        if (stamp == 0)
            return false;
        inner = string.Concat(Xen, s[i..]);
        return true;
    }

    /// <summary>
    /// `[` digits, hex digits, blanks, `.-:` `]` and one blank: Xen's console_timestamps stamps, date
    /// `[YYYY-MM-DD HH:MM:SS]`, datems `[YYYY-MM-DD HH:MM:SS.mmm]`, boot `[SSSSSS.uuuuuu]` and raw `[XXXXXXXXXXXXXXXX]`
    /// (hex), as xen/drivers/char/console.c's con_timestamp_mode lists them.
    /// </summary>
    private static int StampLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || s[0] != '[')
            return 0;
        var close = s[..Math.Min(s.Length, MaxXenStamp)].IndexOf(']');
        if (close < 2 || s[1..close].IndexOfAnyExcept("0123456789abcdefABCDEF .-:") >= 0 || s[1..close].IndexOfAnyInRange('0', '9') < 0)
            return 0;
        return close + 1 < s.Length && s[close + 1] == ' ' ? close + 2 : close + 1;
    }

    /// <summary>`(d` domain id `) `: a guest's console line relayed by the hypervisor.</summary>
    private static int GuestLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 5 || s[0] != '(' || s[1] != 'd')
            return 0;
        var i = 2;
        while (i < s.Length && i < 8 && char.IsAsciiDigit(s[i]))
            i++;
        return i > 2 && i + 1 < s.Length && s[i] == ')' && s[i + 1] == ' ' ? i + 2 : 0;
    }

    private static long? Micros(ReadOnlySpan<char> value)
    {
        if (JsonLine.IsString(value))
            value = value[1..^1];
        return value.Length is > 0 and <= 19 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            ? micros : null;
    }
}
