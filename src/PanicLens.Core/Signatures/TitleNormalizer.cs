using System.Text;
using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>
/// Makes titles of the same bug equal across runs: addresses, numbers, IPs, line numbers, offsets and
/// fuzzer process names are replaced by placeholders (each rule repeated until it stops changing the
/// text), then the title is cut to 120 bytes of printable ASCII with single spaces.
/// </summary>
public static partial class TitleNormalizer
{
    private const int MaxLength = 120;

    /// <summary>Text every match of a rule holds: a literal, <see cref="Digit"/> or <see cref="HexRun"/>.</summary>
    private const string Digit = "0-9";

    /// <summary>Six lower-case hex digits in a row, as every kernel address the rules replace has.</summary>
    private const string HexRun = "[0-9a-f]{6}";

    /// <summary>In the reference's order (google/syzkaller pkg/report/report.go at 1e72964b0111, `dynamicTitleReplacement`).</summary>
    private static readonly (Regex Pattern, string Replacement, string Needs, string Why, string Source)[] Rules =
    [
        (SyzExecutor(), "syz-executor", "syz-executor", "fuzzer process names carry an instance number", "report.go:331"),
        (Syzkaller(), "syzkaller", "syzkaller", "fuzzer device and file names carry a number (and a /N or :N instance)", "report.go:336"),
        (Address(), "${pre}ADDR", HexRun, "kernel addresses differ per boot", "report.go:342"),
        (Ipv4(), "IP", Digit, "addresses of test networks", "report.go:347"),
        (SourceLine(), "${ext}:LINE", Digit, "line numbers move between builds", "report.go:352"),
        (FunctionOffset(), "${name}", "+0x", "offsets move between builds", "report.go:358"),
        (CpuNumber(), "CPU", "CPU#", "which CPU is chance", "report.go:363"),
        (Number(), "${pre}NUM${post}", Digit, "counts, ids and sizes", "report.go:370"),
        (LongDigits(), "NUM", Digit, "any long digit run left (short ones stay: cfg80211, nl802154)", "report.go:377"),
    ];

    private static bool MayApply(string title, string needs) => needs switch
    {
        Digit => title.AsSpan().IndexOfAnyInRange('0', '9') >= 0,
        HexRun => HasHexRun(title, 6),
        _ => title.Contains(needs, StringComparison.Ordinal),
    };

    private static bool HasHexRun(string text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' ? run + 1 : 0;
            if (run == length)
                return true;
        }
        return false;
    }

    public static string Normalize(string title)
    {
        foreach (var (pattern, replacement, needs, _, _) in Rules)
        {
            if (!MayApply(title, needs))
                continue;
            for (var round = 0; round < 16; round++)
            {
                var next = pattern.Replace(title, replacement);
                if (next == title)
                    break;
                title = next;
            }
        }
        return Sanitize(title);
    }

    private static string Sanitize(string title)
    {
        var text = title.Length > MaxLength ? title[..MaxLength] : title;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = c == '\t' ? ' ' : c;
            if (ch < ' ' || ch >= '\x7f')
                continue;
            if (ch == ' ' && sb.Length > 0 && sb[^1] == ' ')
                continue;
            sb.Append(ch);
        }
        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"syz-executor\.?[0-9]+(?:[/:][0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex SyzExecutor();

    [GeneratedRegex(@"syzkaller[0-9]+(?:[/:][0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Syzkaller();

    [GeneratedRegex(@"(?<pre>[^a-zA-Z0-9])(?:0x)?[0-9a-f]{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"(?<ext>\.[A-Za-z0-9_]+):[0-9]+(?::[0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z][a-zA-Z0-9_.]+)\+0x[0-9a-z]+/0x[0-9a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionOffset();

    [GeneratedRegex(@"CPU#[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex CpuNumber();

    [GeneratedRegex(@"(?<pre>[^a-zA-Z0-9_])[0-9]+(?<post>[^a-zA-Z0-9_]|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"[0-9]{7,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigits();
}
