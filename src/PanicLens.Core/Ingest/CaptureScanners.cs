namespace PanicLens.Ingest;

/// <summary>
/// Scanners for <see cref="PrefixForms"/> rows that come from where a log was pasted or relayed rather than from a
/// logger: mail and ticket quoting, indentation in front of a stamp, test-harness and hypervisor-console prefixes.
/// Like <see cref="PrefixScanners"/> each looks at a bounded start of the line, allocates nothing and never backtracks.
/// </summary>
internal static class CaptureScanners
{
    /// <summary>Deepest quoting read (`> > > ...`); deeper runs are left as text.</summary>
    private const int MaxQuoteDepth = 16;

    /// <summary>Widest indentation stripped in front of a stamp.</summary>
    private const int MaxIndent = 16;

    /// <summary>
    /// Mail quoting (RFC 3676 §4.5 `>` quote marks, also written `> > `) and the `| ` bar of ticket systems and some
    /// mail clients: one or more marks, each optionally followed by one space, the last followed by a space or the end
    /// of the line, or glued to a printk uptime stamp. RFC 3676 makes the space after `>` optional (space-stuffing), and
    /// clients that quote without it glue the mark to the text (`>kernel BUG at lib/list_debug.c:29!`): a glued `>` is a
    /// quote too, except in front of a KASAN shadow row, the one kernel line that starts with `>` (mm/kasan/report.c
    /// marks the row of the bad address as `>%px: `). A `|` glued to text is not a bar.
    /// One space after the last mark belongs to the quote; further blanks are the kernel's own indentation.
    /// </summary>
    public static int Quote(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = 0;
        var depth = 0;
        while (i < s.Length && (s[i] == '>' || s[i] == '|') && depth < MaxQuoteDepth)
        {
            depth++;
            i++;
            if (i == s.Length)
                return i;
            if (s[i] == ' ')
            {
                if (i + 1 < s.Length && (s[i + 1] == '>' || s[i + 1] == '|'))
                {
                    i++;
                    continue;
                }
                return i + 1;
            }
            if (s[i] == '[' && IsUptimeStamp(s[i..]))
                return i; // `>[   71.637915] BUG: ...`: a mail client glued its mark to the console's stamp (printk's `[%5lu.%06lu]`)
            if (s[i] != '>' && s[i] != '|')
                return s[i - 1] == '>' && s[i] != ' ' && s[i] != '\t' && !IsShadowRow(s[i..]) ? i : 0;
        }
        return 0;
    }

    /// <summary>Longest fragment of another writer read in front of a printk record.</summary>
    private const int MaxGluedFragment = 256;

    /// <summary>
    /// A serial console shared with user space: a daemon's line not yet ended when the kernel's record arrived, glued in
    /// front of it (`pcd[5661]: libud[  112.612841][   T35] WARNING: CPU: 3 ...`, `Nov  8 11:01:1[  112.63][   T35] RBP:`).
    /// printk starts every record it prints with its stamp, `[%5lu.%06lu]` (kernel/printk/printk.c print_time), and with
    /// CONFIG_PRINTK_CALLER the caller id; the text before the first such stamp is the other writer's and is dropped, as
    /// the `login:` prompt is. Only a stamp with printk's six-digit fraction counts, within the line's first 256 chars.
    /// </summary>
    public static int GluedRecord(ReadOnlySpan<char> s, ref Prefix p)
    {
        var window = s[..Math.Min(s.Length, MaxGluedFragment)];
        for (var at = window.IndexOf('['); at > 0; )
        {
            if (IsPrintkStamp(s[at..]))
                return at;
            var next = window[(at + 1)..].IndexOf('[');
            at = next < 0 ? -1 : at + 1 + next;
        }
        return 0;
    }

    /// <summary>An uptime stamp with printk's six-digit fraction (`[%5lu.%06lu]`), not a user's `[1.5]`.</summary>
    private static bool IsPrintkStamp(ReadOnlySpan<char> s)
    {
        var scratch = new Prefix();
        if (PrefixScanners.Uptime(s, ref scratch) == 0 || scratch.Uptime is not { } uptime)
            return false;
        var dot = uptime.IndexOf('.');
        return dot >= 0 && uptime.Length - dot - 1 == 6;
    }

    /// <summary>`ffff8801d5961a00: ` (or 8 hex digits): the address column of a KASAN shadow dump row.</summary>
    private static bool IsShadowRow(ReadOnlySpan<char> s)
    {
        var hex = s.IndexOfAnyExcept("0123456789abcdef");
        return hex is 8 or 16 && s[hex] == ':';
    }

    /// <summary>The uptime stamp scanner's verdict, its fields read into a scratch prefix.</summary>
    private static bool IsUptimeStamp(ReadOnlySpan<char> s)
    {
        var scratch = new Prefix();
        return PrefixScanners.Uptime(s, ref scratch) > 0;
    }

    /// <summary>
    /// Blanks in front of a transport prefix, a quote or an envelope (a log pasted indented into a mail or ticket:
    /// `    [ 12.345678] BUG: ...`, `    > Jan 14 ...`, `    (XEN) ...`, `    {"MESSAGE": ...}`). Blanks in front of kernel text are the
    /// kernel's own (` [&lt;c0123456&gt;] f+0x1/0x2`) and are kept: only when another form or a mark follows right after
    /// them are they stripped.
    /// </summary>
    public static int Indent(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = 0;
        while (i < s.Length && i < MaxIndent && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i == 0 || i == s.Length || s[i] == ' ' || s[i] == '\t')
            return 0;
        var rest = s[i..];
        if (EnvelopeForms.MayOpen(rest))
            return i;
        var trial = new Prefix();
        foreach (var form in PrefixForms.StartingWith(rest[0]))
        {
            if (form.Match(rest, ref trial) > 0)
                return i;
        }
        return 0;
    }

    /// <summary>
    /// The virtual CPU address z/VM's console puts in front of each line of a guest with several virtual CPUs:
    /// two hex digits and `: ` (`00: `, `0A: `).
    /// </summary>
    public static int ZvmCpu(ReadOnlySpan<char> s, ref Prefix p)
    {
        if (s.Length < 5 || !char.IsAsciiHexDigitUpper(s[0]) || !char.IsAsciiHexDigitUpper(s[1]) || s[2] != ':' || s[3] != ' ')
            return 0;
        return 4;
    }

    /// <summary>
    /// The error types of LAVA's exceptions (lava_common/exceptions.py `error_type`), which its job notification mail
    /// prints as `{{ error_type }} error: {{ error_msg }}` (lava_scheduler_app/templates/lava_scheduler_app/
    /// testjob_notification.txt); when the dispatcher stopped at a kernel message, the message is the console line itself.
    /// </summary>
    public static readonly string[] LavaErrorTypes =
        ["Job", "Infrastructure", "Bug", "Test", "Configuration", "LAVATimeout", "MultinodeTimeout", "Canceled"];

    private const string LavaError = " error: ";

    /// <summary>
    /// LAVA's `Job error: ` in front of the console line the job stopped at (`Job error: [  110.96] Kernel panic - ...`):
    /// read only where another console prefix (the line's printk stamp) follows, so prose about an error stays text.
    /// </summary>
    public static int LavaJobError(ReadOnlySpan<char> s, ref Prefix p)
    {
        var at = s.IndexOf(LavaError);
        if (at <= 0 || at > 16 || !IsLavaErrorType(s[..at]))
            return 0;
        var end = at + LavaError.Length;
        if (end >= s.Length)
            return 0;
        return PrefixScanners.StartsWithInnerForm(s[end..]) ? end : 0;
    }

    private static bool IsLavaErrorType(ReadOnlySpan<char> word)
    {
        foreach (var type in LavaErrorTypes)
            if (word.SequenceEqual(type))
                return true;
        return false;
    }

    /// <summary>
    /// A KTAP/TAP diagnostic line (`# ` in front of whatever the test printed, the kernel's console among it); see
    /// Documentation/dev-tools/ktap.rst. Nested subtests indent it, which <see cref="Indent"/> strips.
    /// </summary>
    public static int KtapDiagnostic(ReadOnlySpan<char> s, ref Prefix p) =>
        s.Length > 2 && s[0] == '#' && s[1] == ' ' ? 2 : 0;

    /// <summary>
    /// A line a patch adds: a unified diff (GNU diffutils, `git diff`, `git format-patch` mails) puts `+` in front of each
    /// added line, and a console log committed as a file (CI lists of known failures holding the splat as `# ` comments,
    /// test fixtures) reads as the log behind it. `+++ b/path` (the file's header) and `++` runs are not one; `-` is never
    /// read, as the kernel's own `---[ end trace` starts with it and a removed line is the old text. An added line that
    /// starts with a TAB is the kernel's C (its coding style indents with TABs: `+\tparams.vdev_id = 0;` would read as a
    /// frame), never console output, which indents frames with blanks.
    /// </summary>
    public static int DiffAdded(ReadOnlySpan<char> s, ref Prefix p) =>
        s.Length > 1 && s[0] == '+' && s[1] is not ('+' or '\t') ? 1 : 0;
}
