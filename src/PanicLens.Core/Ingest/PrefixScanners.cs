namespace PanicLens.Ingest;

/// <summary>
/// Hand-written scanners for <see cref="PrefixForms"/>: each looks only at a bounded start of the line, so a hostile
/// line costs at most a few dozen char comparisons per form (no regex, no backtracking).
/// </summary>
internal static class PrefixScanners
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Facilities =
        ["kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
         "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"];
    private const string KernelTag = "kernel";
    private static readonly string[] Levels = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];

    public static int Rfc5424(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = PriorityLength(s);
        if (i == 0 || i + 2 > s.Length || s[i] != '1' || s[i + 1] != ' ')
            return 0;
        i += 2;
        var tsEnd = s[i..].IndexOf(' ');
        if (tsEnd <= 0)
            return 0;
        var ts = s.Slice(i, tsEnd);
        var iso = IsoDateLength(ts, out var timestamp);
        if (iso == 0 && !(ts.Length == 1 && ts[0] == '-'))
            return 0;
        i += tsEnd + 1;
        // HOSTNAME APP-NAME PROCID MSGID, then STRUCTURED-DATA ("-" or one or more [..] elements).
        Span<Range> tokens = stackalloc Range[4];
        for (var t = 0; t < 4; t++)
        {
            var end = s[i..].IndexOf(' ');
            if (end <= 0)
                return 0;
            tokens[t] = new Range(i, i + end);
            i += end + 1;
        }
        if (i >= s.Length)
            return 0;
        if (s[i] == '-')
            i++;
        else
        {
            while (i < s.Length && s[i] == '[')
            {
                var close = s[i..].IndexOf(']');
                if (close < 0)
                    return 0;
                i += close + 1;
            }
        }
        if (i < s.Length && s[i] == ' ')
            i++;
        p.Timestamp = timestamp;
        p.Origin = s[tokens[1]].ToString();
        if (s[tokens[0]] is not "-" and var host)
            p.Host = HostName(host);
        return i;
    }

    /// <summary>
    /// `<4>`; with one blank after it when an uptime stamp follows: IGT's runner writes the kernel log it keeps as
    /// `<%u> [%llu.%06llu] ` (runner/executor.c generate_formatted_dmesg_line), the intel-gfx CI's dmesg form.
    /// </summary>
    public static int Priority(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = PriorityLength(s);
        if (i == 0 || i + 1 >= s.Length || s[i] != ' ' || s[i + 1] != '[')
            return i;
        var scratch = new Prefix();
        return Uptime(s[(i + 1)..], ref scratch) > 0 ? i + 1 : i;
    }

    public static int IsoDate(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = IsoDateLength(s, out var timestamp);
        if (i == 0)
            return 0;
        // One blank separates (the seed's collector writes a TAB); blanks after it are the kernel's own indentation or
        // a collector's padding in front of a printk stamp, which the indentation form strips.
        var sep = i < s.Length && (s[i] == '\t' || s[i] == ' ') ? i + 1 : i;
        if (sep == i && sep < s.Length)
            return 0;
        var padding = new Prefix();
        sep += CaptureScanners.Indent(s[sep..], ref padding);
        p.Timestamp = timestamp;
        return sep + HostTagLength(s[sep..], anyTag: false, ref p);
    }

    public static int Rfc3164(ReadOnlySpan<char> s, ref Prefix p)
    {
        // Mmm dd HH:MM:SS[.ffffff] host tag[pid]: — the day is space-padded ("Jan  4"). journalctl and syslog write
        // the month in the locale's abbreviation (`mai 17`, `Mär 08`, `janv. 3`); such a line counts only with its host
        // and tag, so free text starting with a word and a clock is never taken for one.
        var english = s.Length >= 16 && MonthIndex(s) >= 0 && s[3] == ' ';
        var monthEnd = english ? 3 : LocalMonthLength(s);
        if (s.Length < 16 || monthEnd == 0)
            return 0;
        var i = monthEnd + 1;
        if (s[i] == ' ')
            i++;
        var dayStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - dayStart < 2)
            i++;
        if (i == dayStart || i >= s.Length || s[i] != ' ')
            return 0;
        i++;
        var clock = ClockLength(s[i..]);
        if (clock == 0)
            return 0;
        i += clock;
        if (i < s.Length && s[i] != ' ')
            return 0;
        i = SkipBlanks(s, i);
        if (english && MetalogTagLength(s[i..], ref p) is > 0 and var program)
            return i + program;
        var tag = HostTagLength(s[i..], anyTag: true, ref p);
        return english || tag > 0 ? i + tag : 0;
    }

    /// <summary>
    /// metalog's default file format (src/metalog.c build_log_line, LEGACY_TIMESTAMP: `"%s [%s] %s\n"`, the time as
    /// `%b %d %T`, no host; with log_severity `"%s [%s][%s] %s\n"`, the level in capitals): `[kernel] ` or
    /// `[kernel][WARNING] ` after the clock. The program starts with a letter, so an uptime stamp is never one.
    /// </summary>
    private static int MetalogTagLength(ReadOnlySpan<char> s, ref Prefix p)
    {
        if (s.Length < 4 || s[0] != '[' || !char.IsAsciiLetter(s[1]))
            return 0;
        var close = s[..Math.Min(s.Length, 66)].IndexOf(']');
        if (close < 2 || s[1..close].IndexOfAny(" \t[") >= 0)
            return 0;
        var end = close + 1;
        if (end < s.Length && s[end] == '[')
        {
            var level = s[end..Math.Min(s.Length, end + 10)].IndexOf(']');
            if (level < 2 || s[(end + 1)..(end + level)].IndexOfAnyExceptInRange('A', 'Z') >= 0)
                return 0;
            end += level + 1;
        }
        if (end >= s.Length || s[end] != ' ')
            return 0;
        var name = s[1..close];
        p.Origin = name.SequenceEqual(KernelTag) ? KernelTag : name.ToString();
        return end + 1;
    }

    /// <summary>A locale's month abbreviation: 2 to 6 letters (a UTF-8 `ä` reads as two Latin-1 chars), an optional dot, a blank.</summary>
    private static int LocalMonthLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && i < 8 && (char.IsAsciiLetter(s[i]) || s[i] >= '\u0080'))
            i++;
        if (i < 2)
            return 0;
        if (i < s.Length && s[i] == '.')
            i++;
        return i < s.Length && s[i] == ' ' ? i : 0;
    }

    public static int Uptime(ReadOnlySpan<char> s, ref Prefix p)
    {
        if (s.Length < 4 || s[0] != '[')
            return 0;
        var i = 1;
        while (i < s.Length && s[i] == ' ')
            i++;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        if (i == start || i >= s.Length || s[i] != '.')
            return 0;
        i++;
        var fraction = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        var end = i;
        // Some consoles pad the stamp on the right too: `[   72.835674 ]`.
        while (i < s.Length && s[i] == ' ' && i + 1 < s.Length && (s[i + 1] == ' ' || s[i + 1] == ']'))
            i++;
        i += ShownDeltaLength(s[i..]);
        if (end == fraction || i >= s.Length || s[i] != ']')
            return 0;
        p.Uptime = s[start..end].ToString();
        i++;
        var caller = CallerIdLength(s[i..], ref p);
        i += caller > 0 ? caller : ProcessFieldLength(s[i..], ref p);
        if (i < s.Length && s[i] == ' ')
            i++;
        i += RtCpuLength(s[i..]);
        return i + HostTagLength(s[i..], anyTag: false, ref p);
    }

    /// <summary>
    /// `000: `: PREEMPT_RT's printk (the -rt patch sets of 5.0 to 5.x, "printk: add processor number to output", John
    /// Ogness, 2019) prints the processor that stored the record, zero-padded to three digits, after the time. It is
    /// read past but names no context: on RT a task migrates between records, so lines of one report carry several.
    /// </summary>
    private static int RtCpuLength(ReadOnlySpan<char> s)
    {
        var digits = 0;
        while (digits < s.Length && digits < 5 && char.IsAsciiDigit(s[digits]))
            digits++;
        return digits is 3 or 4 && digits + 1 < s.Length && s[digits] == ':' && s[digits + 1] == ' ' ? digits + 2 : 0;
    }

    /// <summary>
    /// ` <    0.000023>`: `dmesg --show-delta` prints the time since the previous message inside the stamp's brackets
    /// (util-linux sys-utils/dmesg.c, `[%5ld.%06ld <%12.06f>] `); `%f` writes the locale's decimal separator.
    /// </summary>
    private static int ShownDeltaLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 4 || s[0] != ' ' || s[1] != '<')
            return 0;
        var i = 2;
        while (i < s.Length && s[i] == ' ')
            i++;
        var digits = LocaleDecimalLength(s[i..]);
        if (digits == 0 || i + digits >= s.Length || s[i + digits] != '>')
            return 0;
        return i + digits + 1;
    }

    /// <summary>Digits, the locale's decimal separator (`.` or `,`, as printf's `%f` writes it), digits; or 0.</summary>
    private static int LocaleDecimalLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        if (i == 0 || i >= s.Length || (s[i] != '.' && s[i] != ','))
            return 0;
        var fraction = ++i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        return i > fraction ? i : 0;
    }

    /// <summary>
    /// `[`, blanks, `]`: an uptime stamp whose digits the poster removed (`[ ] kernel BUG at ...`), then the caller id
    /// the console printed after it, if any.
    /// </summary>
    public static int BlankStamp(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = 1;
        while (i < s.Length && i <= 16 && s[i] == ' ')
            i++;
        if (i == 1 || i + 1 >= s.Length || s[0] != '[' || s[i] != ']' || s[i + 1] is not (' ' or '['))
            return 0;
        i++;
        i += CallerIdLength(s[i..], ref p);
        return i < s.Length && s[i] == ' ' ? i + 1 : i;
    }

    /// <summary>
    /// A bare `kernel: ` syslog tag with neither time nor host: rsyslog templates that write `%syslogtag%%msg%`,
    /// journal exports with the host cut away, and logs pasted from `grep kernel:`. No kernel message starts with it.
    /// rsyslog's wall broadcast (RSYSLOG_WallFmt, `Message from syslogd@host at ...` then ` %syslogtag%%msg%`) puts
    /// one space before the tag.
    /// </summary>
    public static int KernelTagOnly(ReadOnlySpan<char> s, ref Prefix p)
    {
        var lead = s.Length > 0 && s[0] == ' ' ? 1 : 0;
        var host = lead == 0 ? HostBeforeKernelTag(s) : 0;
        lead += host;
        if (!s[lead..].StartsWith(KernelTag) || s.Length <= lead + KernelTag.Length || s[lead + KernelTag.Length] != ':')
            return 0;
        var i = lead + KernelTag.Length + 1;
        if (i < s.Length && s[i] is not (' ' or '\t' or '['))
            return 0;
        p.Origin = KernelTag;
        if (host > 0)
            p.Host = HostName(s[..(host - 1)]);
        return i < s.Length && s[i] != '[' ? i + 1 : i;
    }

    /// <summary>
    /// The length of `host ` in front of `kernel:`: the journal's and syslog's `short` line (`%b %d %H:%M:%S HOSTNAME
    /// IDENTIFIER: `) with its fixed 16-column time cut away (`cut -c17-`, a column selection). The host is one RFC 1123
    /// name (letters, digits, `-`, dots between labels); 0 when there is none. A line cannot tell a host from one word
    /// of prose (`Host kernel: 6.6`); either way only those words go, and the text after the tag is kept.
    /// </summary>
    private static int HostBeforeKernelTag(ReadOnlySpan<char> s)
    {
        var end = s[..Math.Min(s.Length, 254)].IndexOf(' ');
        if (end <= 0 || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[end - 1]))
            return 0;
        var letters = false;
        foreach (var c in s[..end])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
                return 0;
            letters |= char.IsAsciiLetter(c);
        }
        // RFC 1123 §2.1: a name is never all digits and dots; such a word is a host only as a dotted quad (syslog's
        // HOSTNAME may be an address), not a bare `1472.135628` time.
        if (!letters && s[..end].Count('.') != 3)
            return 0;
        return s[(end + 1)..].StartsWith(KernelTag) ? end + 1 : 0;
    }

    public static int CallerId(ReadOnlySpan<char> s, ref Prefix p)
    {
        var n = CallerIdLength(s, ref p);
        if (n > 0 && n < s.Length && s[n] == ' ')
            n++;
        return n;
    }

    /// <summary>
    /// `[Sat Jan 14 01:04:26 2017]` (dmesg -T): util-linux writes it with `strftime("%a %b %e %H:%M:%S %Y")`, so the day
    /// and month names are the locale's (`[zo aug  1 20:24:51 2021]`, `[Ut okt 28 14:07:39 2025]`, `[sam. janv. 4 ...]`);
    /// the clock and the four-digit year make the form, the names only need to be words.
    /// </summary>
    public static int DmesgCtime(ReadOnlySpan<char> s, ref Prefix p)
    {
        if (s.Length < 20 || s[0] != '[')
            return 0;
        var close = s[..Math.Min(s.Length, 48)].IndexOf(']');
        if (close < 0)
            return 0;
        var inner = s[1..close];
        Span<Range> parts = stackalloc Range[6];
        if (inner.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 5)
            return 0;
        ReadOnlySpan<char> weekday = inner[parts[0]], month = inner[parts[1]], day = inner[parts[2]], clock = inner[parts[3]], year = inner[parts[4]];
        if (!IsLocaleName(weekday) || !IsLocaleName(month) || day.Length > 2 || !Digits(day) || year.Length != 4 || !Digits(year)
            || ClockLength(clock) != 8 || clock.Length != 8)
            return 0;
        if (MonthIndex(month) is var m and >= 0 && month.Length == 3)
            p.Timestamp = $"{year}-{m + 1:D2}-{int.Parse(day):D2}T{clock}";
        var i = close + 1;
        return i < s.Length && s[i] == ' ' ? i + 1 : i;
    }

    /// <summary>
    /// A locale's abbreviated day or month name as strftime writes it: up to 12 chars, no brackets, holding a letter (a
    /// UTF-8 letter read as Latin-1 is chars past ASCII).
    /// </summary>
    private static bool IsLocaleName(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 12 || s.IndexOfAny('[', ']') >= 0)
            return false;
        foreach (var c in s)
            if (char.IsAsciiLetter(c) || c >= '\u0080')
                return true;
        return false;
    }

    public static int DmesgHuman(ReadOnlySpan<char> s, ref Prefix p)
    {
        // [Jan14 01:04] or the delta form [  +0.000123]
        if (s.Length < 5 || s[0] != '[')
            return 0;
        var close = s[..Math.Min(s.Length, 24)].IndexOf(']');
        if (close < 0)
            return 0;
        // util-linux writes the delta with `%+8.06f` (the locale's decimal separator) and the minute with
        // strftime("%b%e %H:%M") (the locale's month name).
        var inner = s[1..close].Trim(' ');
        var ok = inner.Length > 1 && inner[0] == '+' && LocaleDecimalLength(inner[1..]) == inner.Length - 1
                 || IsShortCtime(inner);
        if (!ok)
            return 0;
        var i = close + 1;
        return i < s.Length && s[i] == ' ' ? i + 1 : i;
    }

    /// <summary>`Jan14 01:04`, `okt28 14:07`, `Mär 8 09:01`: a month name, the day (`%e`, blank-padded), then HH:MM.</summary>
    private static bool IsShortCtime(ReadOnlySpan<char> s)
    {
        var digit = s.IndexOfAnyInRange('0', '9');
        if (digit <= 0 || !IsLocaleName(s[..digit].TrimEnd(' ')))
            return false;
        var rest = s[digit..];
        var blank = rest.IndexOf(' ');
        return blank is 1 or 2 && Digits(rest[..blank]) && rest[(blank + 1)..] is { Length: 5 } hm
            && Digits(hm[..2]) && hm[2] == ':' && Digits(hm[3..]);
    }

    public static int DmesgDecode(ReadOnlySpan<char> s, ref Prefix p)
    {
        // facility padded to 6, ':', level padded to 6, ': ' — e.g. "kern  :alert : "
        var colon = s[..Math.Min(s.Length, 10)].IndexOf(':');
        if (colon <= 0 || !IsOneOf(s[..colon].TrimEnd(' '), Facilities))
            return 0;
        var rest = s[(colon + 1)..];
        var colon2 = rest[..Math.Min(rest.Length, 9)].IndexOf(':');
        if (colon2 <= 0 || !IsOneOf(rest[..colon2].TrimEnd(' '), Levels))
            return 0;
        var i = colon + 1 + colon2 + 1;
        return i < s.Length && s[i] == ' ' ? i + 1 : i;
    }

    public static int Kmsg(ReadOnlySpan<char> s, ref Prefix p)
    {
        // level,seq,usec,flags[,key=value...];message
        var i = 0;
        for (var field = 0; field < 3; field++)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 20)
                i++;
            if (i == start || i >= s.Length || s[i] != ',')
                return 0;
            if (field == 2)
                p.Uptime = FormatMicros(s[start..i]);
            i++;
        }
        var semi = s[i..Math.Min(s.Length, i + 64)].IndexOf(';');
        if (semi < 0)
            return 0;
        var flags = s.Slice(i, semi);
        var caller = flags.IndexOf("caller=");
        if (caller >= 0)
        {
            var id = flags[(caller + 7)..];
            var end = id.IndexOf(',');
            p.Context = (end < 0 ? id : id[..end]).ToString();
        }
        return i + semi + 1;
    }

    /// <summary>
    /// The Anaconda installer's log (its syslog and program.log, kept by image builders such as oz and livemedia-creator):
    /// `HH:MM:SS,mmm LEVEL name:` (pyanaconda's "%(asctime)s,%(msecs)03d %(levelname)s %(name)s: " with "%H:%M:%S"),
    /// the name being the syslog tag of a forwarded line, glued to the text for kernel lines (`ALERT kernel:BUG`).
    /// </summary>
    public static int AnacondaLog(ReadOnlySpan<char> s, ref Prefix p)
    {
        var clock = ClockLength(s);
        if (clock <= 8 || s[8] != ',' || clock >= s.Length || s[clock] != ' ')
            return 0;
        var i = clock + 1;
        var level = i;
        while (i < s.Length && char.IsAsciiLetterUpper(s[i]) && i - level < 10)
            i++;
        if (i == level || i >= s.Length || s[i] != ' ')
            return 0;
        var name = ++i;
        while (i < s.Length && s[i] != ':' && s[i] != ' ' && i - name < 64)
            i++;
        if (i == name || i >= s.Length || s[i] != ':')
            return 0;
        p.Origin = s[name..i].SequenceEqual(KernelTag) ? KernelTag : s[name..i].ToString();
        // No blank is taken after the colon: the kernel's own indentation follows it directly (`kernel: [<c0...>]`).
        return i + 1;
    }

    /// <summary>
    /// A serial console's login prompt left on the line before kernel output (`syzkaller login: [ 35.1] BUG: ...`,
    /// `web01 login:  [&lt;c0123456&gt;] f+0x1/0x2`, `web01 login: ** 12 printk messages dropped ** ...`): agetty prints
    /// `HOST login: ` without a newline, so the next console line is glued to it. A host name without blanks,
    /// `login: `, and only when the kernel's indentation or another prefix form follows, so a typed user name
    /// (`Ubuntu login: root`) is kept.
    /// </summary>
    public static int LoginPrompt(ReadOnlySpan<char> s, ref Prefix p)
    {
        const string Login = " login: ";
        var at = s.IndexOf(Login);
        if (at <= 0 || at > 64 || s[..at].IndexOfAny(' ', '\t') >= 0)
            return 0;
        var end = at + Login.Length;
        if (end >= s.Length)
            return 0;
        if (s[end] == ' ' || s[end] == '\t')
            return end;
        return StartsWithInnerForm(s[end..]) ? end : 0;
    }

    /// <summary>True when a console prefix (a form that is no outer layer) starts <paramref name="s"/>; its fields go to a scratch prefix.</summary>
    internal static bool StartsWithInnerForm(ReadOnlySpan<char> s)
    {
        var trial = new Prefix();
        foreach (var form in PrefixForms.StartingWith(s[0]))
            if (!form.Outer && form.Match(s, ref trial) > 0)
                return true;
        return false;
    }

    /// <summary>The kernel's note that the console lost lines, printed in front of the next one: `** 12 printk messages dropped ** `.</summary>
    public static int MessagesDropped(ReadOnlySpan<char> s, ref Prefix p)
    {
        const string Start = "** ";
        const string End = " printk messages dropped ** ";
        if (!s.StartsWith(Start))
            return 0;
        var i = Start.Length;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        return i > Start.Length && s[i..].StartsWith(End) && i + End.Length < s.Length ? i + End.Length : 0;
    }

    private static int PriorityLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || s[0] != '<')
            return 0;
        var i = 1;
        while (i < s.Length && i <= 3 && char.IsAsciiDigit(s[i]))
            i++;
        return i > 1 && i < s.Length && s[i] == '>' ? i + 1 : 0;
    }

    private static int CallerIdLength(ReadOnlySpan<char> s, ref Prefix p)
    {
        if (s.Length < 4 || s[0] != '[')
            return 0;
        var i = 1;
        while (i < s.Length && s[i] == ' ')
            i++;
        if (i >= s.Length || (s[i] != 'T' && s[i] != 'C'))
            return 0;
        var idStart = i++;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        if (i == idStart + 1 || i >= s.Length || s[i] != ']')
            return 0;
        p.Context = s[idStart..i].ToString();
        return i + 1;
    }

    /// <summary>
    /// ` [5:    kworker/5:1:  130]`, `I[0:      swapper/0:    0]`: the process field of Samsung's CONFIG_PRINTK_PROCESS (Android
    /// and Exynos kernels; posted upstream in 2020), printed after the time as `"%c[%1d:%15s:%5d]"` with `I` in interrupt
    /// context, then the cpu, the task's comm (which may hold `:`) and its pid. It names the printing context as the
    /// upstream caller id does, so it becomes one: `T{pid}` in a task, `C{cpu}` in an interrupt.
    /// </summary>
    private static int ProcessFieldLength(ReadOnlySpan<char> s, ref Prefix p)
    {
        var i = 0;
        var interrupt = false;
        while (i < s.Length && i < 2 && (s[i] == ' ' || (i == 0 && s[i] == 'I')))
            interrupt |= s[i++] == 'I';
        if (i == 0 || i >= s.Length || s[i] != '[')
            return 0;
        var close = s[i..Math.Min(s.Length, i + 40)].IndexOf(']');
        if (close < 0)
            return 0;
        var field = s.Slice(i + 1, close - 1);
        var cpuEnd = field.IndexOf(':');
        var pidStart = field.LastIndexOf(':');
        if (cpuEnd is < 1 or > 2 || pidStart <= cpuEnd + 1 || !Digits(field[..cpuEnd]))
            return 0;
        // `%15s` and `%5d`: the comm is padded to exactly 15 columns, the pid to at least 5.
        var comm = field[(cpuEnd + 1)..pidStart];
        var pid = field[(pidStart + 1)..];
        if (comm.Length != 15 || comm.TrimStart(' ').Length == 0 || pid.Length < 5 || !Digits(pid.TrimStart(' ')))
            return 0;
        pid = pid.TrimStart(' ');
        p.Context = interrupt ? string.Concat("C", field[..cpuEnd]) : string.Concat("T", pid);
        return i + close + 1;
    }

    /// <summary>`YYYY-MM-DD[ T]HH:MM:SS[.,frac][Z|±HH[:]MM]`; returns its length and the ISO text.</summary>
    private static int IsoDateLength(ReadOnlySpan<char> s, out string? iso)
    {
        iso = null;
        if (s.Length < 19 || !Digits(s[..4]) || s[4] != '-' || !Digits(s[5..7]) || s[7] != '-' || !Digits(s[8..10])
            || (s[10] != ' ' && s[10] != 'T'))
            return 0;
        var clock = ClockLength(s[11..]);
        if (clock == 0)
            return 0;
        var i = 11 + clock;
        if (i < s.Length && (s[i] == 'Z' || s[i] == 'z'))
            i++;
        else if (i + 5 <= s.Length && (s[i] == '+' || s[i] == '-') && Digits(s.Slice(i + 1, 2)))
        {
            var zone = s[(i + 3)] == ':' ? 6 : 5;
            if (i + zone <= s.Length && Digits(s.Slice(i + zone - 2, 2)))
                i += zone;
        }
        var text = s[..i].ToString();
        iso = text[10] == ' ' ? string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11)) : text;
        return i;
    }

    /// <summary>`HH:MM:SS` with an optional `.ffffff` or `,fff` fraction.</summary>
    private static int ClockLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 8 || !Digits(s[..2]) || s[2] != ':' || !Digits(s[3..5]) || s[5] != ':' || !Digits(s[6..8]))
            return 0;
        var i = 8;
        if (i + 1 < s.Length && (s[i] == '.' || s[i] == ',') && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        }
        return i;
    }

    /// <summary>
    /// `host tag[pid]: ` after a syslog/journal time. With <paramref name="anyTag"/> false (after an ISO or uptime stamp,
    /// where the host part is optional) only the tag `kernel` or a tag with a `[pid]` counts, so kernel text such as
    /// `Call Trace: ` is never mistaken for one.
    /// </summary>
    private static int HostTagLength(ReadOnlySpan<char> s, bool anyTag, ref Prefix p)
    {
        var hostEnd = s[..Math.Min(s.Length, 256)].IndexOf(' ');
        if (hostEnd <= 0)
            return 0;
        // No host at all (`Feb 19 17:08:22 kernel: `): local loggers that leave HOSTNAME out, as RFC 3164 §4.3.3
        // lets a receiver find it missing. A host never ends with the tag's colon.
        if (s[hostEnd - 1] == ':' && TagName(s[..(hostEnd - 1)]) is { Length: > 0 } bare)
        {
            p.Origin = bare.SequenceEqual(KernelTag) ? KernelTag : bare.ToString();
            return hostEnd + 1;
        }
        var tagStart = hostEnd + 1;
        var rest = s[tagStart..];
        var colon = rest[..Math.Min(rest.Length, 64)].IndexOf(": ");
        if (colon <= 0 || rest[..colon].Contains(' '))
            return 0;
        var tag = rest[..colon];
        var bracket = tag.IndexOf('[');
        var name = bracket > 0 && tag[^1] == ']' ? tag[..bracket] : tag;
        var known = name.SequenceEqual(KernelTag) || bracket > 0;
        if (!anyTag && !known)
            return 0;
        if (s[..hostEnd].IndexOfAny(":[]()") >= 0 && !anyTag)
            return 0;
        p.Origin = name.SequenceEqual(KernelTag) ? KernelTag : name.ToString();
        p.Host = HostName(s[..hostEnd]);
        return tagStart + colon + 2;
    }

    /// <summary>The last host names read, so a collector's file of a few hosts allocates each name once.</summary>
    [ThreadStatic] private static string?[]? hostNames;

    private static string HostName(ReadOnlySpan<char> host)
    {
        var cache = hostNames ??= new string?[64];
        var slot = (int)((uint)string.GetHashCode(host) % (uint)cache.Length);
        if (cache[slot] is { } known && host.SequenceEqual(known))
            return known;
        return cache[slot] = host.ToString();
    }

    /// <summary>`kernel` or `name[pid]`: the tags that name themselves as such; empty for any other word.</summary>
    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        if (tag.SequenceEqual(KernelTag))
            return tag;
        var bracket = tag.IndexOf('[');
        return bracket > 0 && tag[^1] == ']' && Digits(tag[(bracket + 1)..^1]) ? tag[..bracket] : [];
    }

    internal static string FormatMicros(ReadOnlySpan<char> micros)
    {
        var text = micros.ToString().PadLeft(7, '0');
        return string.Concat(text.AsSpan(0, text.Length - 6), ".", text.AsSpan(text.Length - 6));
    }

    private static int SkipBlanks(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
            i++;
        return i;
    }

    private static bool Digits(ReadOnlySpan<char> s) => s.Length > 0 && s.IndexOfAnyExceptInRange('0', '9') < 0;

    private static int MonthIndex(ReadOnlySpan<char> s)
    {
        for (var m = 0; m < Months.Length; m++)
            if (s.StartsWith(Months[m]))
                return m;
        return -1;
    }

    internal static bool StartsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
            if (s.StartsWith(w))
                return true;
        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
            if (s.SequenceEqual(w))
                return true;
        return false;
    }
}
