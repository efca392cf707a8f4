using System.Text;
using System.Text.RegularExpressions;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The host field of a syslog line as a collector writes it: `Jan 14 01:04:26 HOST tag: ...` (RFC 3164, journalctl
/// `short`), `2017-01-14T01:04:26.123+08:00 HOST tag: ...` (RFC 3339, `short-iso`) and `<4>1 2017-01-14T01:04:26Z HOST
/// app ...` (RFC 5424), optionally after a `<PRI>`. A name the machine gives itself before it knows its own
/// (`localhost`, `localhost.localdomain`) is no host.
/// </summary>
public static partial class SyslogHostField
{
    /// <summary>The date and host fit well within this many bytes of the line's start.</summary>
    private const int Head = 160;

    public static string? Find(ReadOnlySpan<byte> raw)
    {
        var head = Encoding.Latin1.GetString(raw[..Math.Min(raw.Length, Head)]);
        if (Pattern().Match(head) is not { Success: true } match)
            return null;
        var host = match.Groups["host"].Value;
        return host is "localhost" or "localhost.localdomain" ? null : host;
    }

    [GeneratedRegex(
        @"\A(?:<\d{1,3}>(?:1 )?)?(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) (?<host>[A-Za-z0-9][A-Za-z0-9._-]{0,62}) (?:[^ :\[]{1,48}(?:\[\d+\])?: |[^ ]{1,48} [^ ]{1,32} )",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
