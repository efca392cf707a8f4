using System.Globalization;

namespace PanicLens.Server.Receiving;

/// <summary>
/// One syslog message, RFC 5424 (`&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID SD MSG`) or RFC 3164
/// (`&lt;PRI&gt;Mmm dd hh:mm:ss HOST TAG: MSG`), read without exceptions. <see cref="ToConsoleLine"/> writes it as the
/// line rsyslog would have written to a file (ISO time, host, tag, message), so the live path strips it with the same
/// prefix rules as a scanned syslog file.
/// </summary>
public readonly record struct SyslogMessage(string? Timestamp, string Host, string Tag, string Message)
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The file line: `2026-12-03T18:00:00+00:00 web-01 kernel: msg` (without a time when none was sent).</summary>
    public string ToConsoleLine() => Timestamp is null ? $"{Host} {Tag}: {Message}" : $"{Timestamp} {Host} {Tag}: {Message}";

    /// <param name="text">The message without its frame (no octet count, no trailing newline).</param>
    /// <param name="fallbackHost">The sender's address, for messages that name no host.</param>
    /// <param name="now">The receiver's clock: the year of an RFC 3164 time, which has none.</param>
    public static bool TryParse(string text, string fallbackHost, DateTime now, out SyslogMessage message)
    {
        message = default;
        text = text.TrimEnd('\r', '\n', '\0');
        if (!TryPri(text, out var rest))
            return false;
        if (rest.StartsWith("1 ", StringComparison.Ordinal))
            return TryRfc5424(rest[2..], fallbackHost, out message);
        return TryRfc3164(rest, fallbackHost, now, out message);
    }

    private static bool TryPri(string text, out string rest)
    {
        rest = "";
        if (text.Length < 3 || text[0] != '<')
            return false;
        var close = text.IndexOf('>', 1);
        if (close is < 2 or > 4 || !int.TryParse(text.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pri) || pri > 191)
            return false;
        rest = text[(close + 1)..];
        return true;
    }

    private static bool TryRfc5424(string rest, string fallbackHost, out SyslogMessage message)
    {
        message = default;
        var fields = new string[5];
        var position = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            var space = rest.IndexOf(' ', position);
            if (space < 0)
                return false;
            fields[i] = rest[position..space];
            position = space + 1;
        }
        if (!TrySkipStructuredData(rest, ref position))
            return false;
        var body = position < rest.Length ? rest[position..] : "";
        if (body.StartsWith(' '))
            body = body[1..];
        if (body.StartsWith('\uFEFF'))
            body = body[1..];
        // A UTF-8 BOM read as Latin-1.
        if (body.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal))
            body = body[3..];
        var (time, host, app, procId) = (fields[0], fields[1], fields[2], fields[3]);
        var tag = app == "-" ? "-" : procId == "-" ? app : $"{app}[{procId}]";
        message = new SyslogMessage(time == "-" ? null : time, host == "-" ? fallbackHost : host, tag, body);
        return true;
    }

    /// <summary>`-` or one or more `[id param="value"]` elements, where `\]` and `\"` are escapes inside values.</summary>
    private static bool TrySkipStructuredData(string text, ref int position)
    {
        if (position < text.Length && text[position] == '-')
        {
            position++;
            return true;
        }
        var any = false;
        while (position < text.Length && text[position] == '[')
        {
            var quoted = false;
            position++;
            while (true)
            {
                if (position >= text.Length)
                    return false;
                var c = text[position++];
                if (quoted && c == '\\' && position < text.Length)
                    position++;
                else if (c == '"')
                    quoted = !quoted;
                else if (c == ']' && !quoted)
                    break;
            }
            any = true;
        }
        return any;
    }

    private static bool TryRfc3164(string rest, string fallbackHost, DateTime now, out SyslogMessage message)
    {
        message = default;
        string? time = null;
        if (rest.Length >= 16 && rest[15] == ' ' && Array.IndexOf(Months, rest[..3]) is var month and >= 0
            && int.TryParse(rest.AsSpan(4, 2).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && TimeOnly.TryParseExact(rest.AsSpan(7, 8), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            // RFC 3164 has no year: the message is from this year unless that puts it more than a day ahead (a December
            // message read in January).
            var year = now.Year;
            if (new DateTime(year, month + 1, 1) > now.AddDays(1) && month + 1 > now.Month)
                year--;
            time = day <= DateTime.DaysInMonth(year, month + 1)
                ? new DateTime(year, month + 1, day, clock.Hour, clock.Minute, clock.Second).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                : null;
            rest = rest[16..];
        }
        // HOST then TAG: a first word ending in ':' or '[' is a tag with no host before it.
        var space = rest.IndexOf(' ');
        var host = fallbackHost;
        if (space > 0 && !rest[..space].EndsWith(':') && !rest[..space].Contains('['))
        {
            host = rest[..space];
            rest = rest[(space + 1)..];
        }
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        string tag, body;
        if (colon > 0 && colon <= 48 && !rest[..colon].Contains(' '))
            (tag, body) = (rest[..colon], rest[(colon + 2)..]);
        else
            (tag, body) = ("-", rest);
        message = new SyslogMessage(time, host, tag, body);
        return true;
    }
}
