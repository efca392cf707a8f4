using System.Text.RegularExpressions;

namespace PanicLens.Mining.Titles;

/// <summary>
/// What a syzbot report mail says its crash is called. syzbot (google/syzkaller, `dashboard/app/reporting_email.go`)
/// mails a new bug with the bug's title as the subject, behind a `[syzbot]` tag and, since 2022, one `[subsystem?]`
/// tag per guessed subsystem; a list may add its own `[list]` tag. A title seen before gets ` (N)` (the dashboard's
/// sequence of bugs with one title), which is not part of the report's title.
/// </summary>
public static partial class SyzbotSubject
{
    /// <summary>True for a mail syzbot itself sent (the `syzkaller.appspotmail.com` sender, any display name).</summary>
    public static bool IsFromSyzbot(string from) =>
        from.Contains("@syzkaller.appspotmail.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The crash title a report mail's subject names, or null for the mails that are not a first report: replies
    /// and forwards, the monthly subsystem reports, and subjects still RFC 2047-encoded (not decoded here).
    /// </summary>
    public static string? Title(string subject)
    {
        var text = Whitespace().Replace(subject, " ").Trim();
        if (text.Contains("=?", StringComparison.Ordinal))
            return null;
        while (LeadingTag().Match(text) is { Success: true } tag)
            text = text[tag.Length..];
        if (Reply().IsMatch(text) || text.StartsWith("Monthly ", StringComparison.Ordinal) || text.Length == 0)
            return null;
        return Sequence().Replace(BootError().Replace(text, ""), "");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // `[syzbot]`, `[usb?]`, `[alsa-devel]`, `[syzbot ci]`: one bracketed tag, then its space.
    [GeneratedRegex(@"^\[[^\]]{1,40}\] ?")]
    private static partial Regex LeadingTag();

    // syz-ci names a crash while booting or testing a tree `<tree> boot error: <title>` / `<tree> test error: ...`
    // (syzkaller `syz-ci/manager.go`); the report's own title follows.
    [GeneratedRegex(@"^[\w.-]{1,40} (boot|test) error: ")]
    private static partial Regex BootError();

    [GeneratedRegex(@"^(?i:re|fwd?|aw|sv|antw)(\[\d+\])?:")]
    private static partial Regex Reply();

    [GeneratedRegex(@" \(\d{1,4}\)$")]
    private static partial Regex Sequence();
}
