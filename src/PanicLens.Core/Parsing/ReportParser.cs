using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Fills a <see cref="CrashReport"/> from the lines of one report region. Never throws on log text: whatever cannot be
/// read stays null. One pass over the logical lines: call-trace lines go to the <see cref="StackReader"/>, every other
/// line to the module list, instruction-pointer, register and `Code:` readers and the <see cref="FieldPatterns"/> table.
/// </summary>
public static class ReportParser
{
    /// <summary>Parses lines numbered <paramref name="startLine"/>..<paramref name="endLine"/> (1-based, inclusive) of <paramref name="lines"/>.</summary>
    public static CrashReport Parse(string source, IReadOnlyList<LogLine> lines, int startLine, int endLine)
    {
        var own = new List<LogLine>(Math.Clamp(endLine - startLine + 1, 0, lines.Count));
        foreach (var line in lines)
            if (line.Number >= startLine && line.Number <= endLine)
                own.Add(line);
        var report = new CrashReport { Source = source, StartLine = startLine, EndLine = endLine, Lines = own };
        Fill(report);
        report.Kernel ??= BootKernel(lines, startLine);
        return report;
    }

    /// <summary>
    /// The release in the last `Linux version` boot banner before the report, when <paramref name="lines"/> holds
    /// the log before it: the kernel that was running when a report that prints no release of its own (mce) came.
    /// A streaming caller uses <see cref="BootBanner"/> instead.
    /// </summary>
    public static string? BootKernel(IReadOnlyList<LogLine> lines, int startLine)
    {
        var banner = new BootBanner();
        foreach (var line in lines)
        {
            if (line.Number >= startLine)
                break;
            banner.Observe(line);
        }
        return banner.Release;
    }

    /// <summary>Fills the fields of a report whose <see cref="CrashReport.Lines"/> the detector already set.</summary>
    public static void Fill(CrashReport report)
    {
        var draft = new ReportDraft(report);
        var logical = LogicalLines.Build(report.Lines, report.StartLine, report.EndLine);
        if (report.Lines.Count > 0)
            report.Timestamp ??= report.Lines[0].Timestamp;
        if (logical.Count > 0 && report.Message.Length == 0)
            report.Message = logical[0].Text;
        var stacks = new StackReader(report);
        var modules = new ModuleList();
        // A report opened by a blocked task's dump (no header line) is a hang: read past the scheduler and lock frames.
        FaultRule? rule = report.Lines.Count > 0 && Detection.TaskDumpLine.IsBlocked(report.Lines[0].Text) ? FaultRule.HungTask : null;
        for (int i = 0; i < logical.Count; i++)
        {
            var line = logical[i];
            if (line.Xen)
                report.Hypervisor.Add(line.Raw);
            rule ??= FaultRules.Find(line.Text);
            if (draft.LockSiteOnNextLine)
            {
                draft.LockSiteOnNextLine = false;
                if (draft.LockSite is null && FrameParser.TryParseFrame(line.Text, out var site) && !FaultingFunction.IsLockPrimitive(site))
                {
                    draft.LockSite = site;
                    continue;
                }
            }
            if (draft.HeaderFrameOnNextLine)
            {
                draft.HeaderFrameOnNextLine = false;
                draft.HeaderFrame ??= FieldPatterns.WarningFrame(WithoutLeadingSource(line.Text));
                if (draft.HeaderFrame is not null)
                    continue;
            }
            if (modules.Open && modules.TryContinue(line.Text, report))
                continue;
            if (stacks.Read(line))
                continue;
            ReadFields(line.Text, draft, modules);
        }
        stacks.Finish();
        Finish(draft, rule ?? FaultRule.Ip);
    }

    private static void ReadFields(string text, ReportDraft draft, ModuleList modules)
    {
        var report = draft.Report;
        if (text.Length == 0)
            return;
        if (ModuleList.IsHeader(text))
        {
            modules.ReadHeader(text, report);
            return;
        }
        if (text.StartsWith("Code:", StringComparison.Ordinal) && report.Code is null && CodeLine.TryRead(text[5..], out var code))
            report.Code = code;
        // The old page-fault header `IP:` names the function; the `RIP: e030:` line after it adds the segment.
        var unTagged = AfterHardwareError(text);
        if ((report.Ip is null || report.CodeSegment is null) && IpLine.TryRead(unTagged, out var ip, out var segment))
        {
            report.Ip ??= ip;
            report.CodeSegment ??= segment;
        }
        string? arch = draft.Arch;
        RegisterLine.TryRead(text, report, ref arch);
        draft.Arch = arch ?? ArchHints.FromLine(unTagged);
        for (var rows = FieldPatterns.RowsOn(text); rows != 0; rows &= rows - 1)
        {
            var row = FieldPatterns.Rows[System.Numerics.BitOperations.TrailingZeroCount(rows)];
            var match = row.Pattern.Match(text);
            if (match.Success)
                row.Apply(draft, match);
        }
    }

    /// <summary>mce prints its RIP behind a driver tag: `core: [Hardware Error]: RIP !INEXACT! 10:&lt;..&gt; {f}`.</summary>
    private static string AfterHardwareError(string text)
    {
        const string tag = "[Hardware Error]: ";
        int at = text.Contains('[') ? text.IndexOf(tag, StringComparison.Ordinal) : -1;
        return at < 0 ? text : text[(at + tag.Length)..];
    }

    private static void Finish(ReportDraft draft, FaultRule rule)
    {
        var report = draft.Report;
        report.Kernel ??= draft.BannerKernel;
        report.Process ??= draft.SecondaryProcess;
        report.Arch ??= draft.Arch ?? ArchHints.FromRelease(report.Kernel) ?? ArchHints.FromFrames(report.Frames) ?? ArchFromAddresses(report);
        // CR2 holds the faulting address of an x86 page fault; after a #GP or a BUG it is stale.
        if (report.FaultAddress is null
            && (report.Message.Contains("paging request", StringComparison.Ordinal) || report.Message.Contains("NULL pointer", StringComparison.Ordinal)
                || report.Message.Contains("page fault", StringComparison.Ordinal))
            && report.Registers.TryGetValue("CR2", out var cr2))
            report.FaultAddress = cr2;
        var guilty = FaultingFunction.Pick(draft, rule);
        if (guilty is not null)
        {
            report.Function ??= FaultingFunction.Normalize(guilty.Function);
            report.Module ??= guilty.Module;
        }
    }

    /// <summary>Eight hex digits in a bracketed address mean a 32-bit kernel, sixteen a 64-bit one; the family stays unknown.</summary>
    private static string? ArchFromAddresses(CrashReport report)
    {
        foreach (var frame in report.Frames)
            if (frame.AddressSpan is { Length: 16 } address && address.StartsWith("ffffffff", StringComparison.Ordinal))
                return "x86_64";
        return null;
    }

    /// <summary>
    /// The tail of a `WARNING: CPU: 0 PID: 0 at` header wrapped before its location: `mm/early_ioremap.c:139 f+0x1/0x2`
    /// without the `file:line` (kernel/panic.c __warn: `at %s:%d %pS`).
    /// </summary>
    private static string WithoutLeadingSource(string text)
    {
        var trimmed = text.TrimStart();
        var blank = trimmed.IndexOf(' ');
        return blank > 0 && Detection.SymbolizedLines.IsWrappedSource(trimmed[..blank]) ? trimmed[(blank + 1)..] : text;
    }
}
