using System.Text.RegularExpressions;
using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// One-line fields of a crash report: a pattern with named captures and what it fills. Every pattern runs on every
/// logical line of a report (after a cheap literal check), so they are linear-time (<see cref="RegexOptions.NonBacktracking"/>).
/// Values already set are kept: the first line that names a field is the crash's own, later ones belong to follow-ups.
/// </summary>
internal static class FieldPatterns
{
    internal sealed record FieldPattern(string Literal, Regex Pattern, Action<ReportDraft, Match> Apply, string Why);

    private static Regex P(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static string G(Match m, string name) => m.Groups[name].Value;

    public static readonly FieldPattern[] Rows =
    [
        new("able to handle", P(@"nable to handle (kernel )?(paging request|NULL pointer dereference|page fault)( for (data|instruction fetch))?( at| for)?( virtual)?( address:?)? +(0x)?(?<addr>[0-9a-fA-F]{1,16})\b"),
            (d, m) => d.SetFaultAddress(G(m, "addr")), "x86 no_context / page_fault_oops, arm/arm64 die_kernel_fault, ppc bad_page_fault"),
        new("NULL pointer dereference, address", P(@"NULL pointer dereference, address: (?<addr>[0-9a-fA-F]{1,16})"),
            (d, m) => d.SetFaultAddress(G(m, "addr")), "x86 page_fault_oops since 5.1"),
        new("non-canonical address", P(@"non-canonical address 0x(?<addr>[0-9a-fA-F]{1,16})"),
            (d, m) => d.SetFaultAddress(G(m, "addr")), "x86 GPF decoder since 5.2"),
        new(" at addr ", P(@"^(Read|Write) of size \d+ at addr (?<addr>[0-9a-fA-F]{1,16}) by task (?<comm>.+)/(?<pid>\d+)$"),
            (d, m) => { d.SetFaultAddress(G(m, "addr")); d.SetProcess(G(m, "comm"), G(m, "pid")); }, "KASAN print_report access line"),
        new("[#", P(@"((?<code>[0-9a-fA-F]{4,8}) )?\[#(?<count>\d{1,5})\]"), SetOops, "die(): `Oops: 0000 [#1] SMP`, `general protection fault: 0000 [#1]`, arm64 `Internal error: Oops: 96000005 [#1]`"),
        new("#PF: error_code", P(@"^#PF: error_code\(0x(?<code>[0-9a-fA-F]+)\)( - (?<text>.+))?$"),
            (d, m) => { d.Report.ErrorCode ??= G(m, "code"); d.Report.ErrorText ??= NullIfEmpty(G(m, "text")); }, "x86 show_fault_oops since 5.1"),
        new("#PF: ", P(@"^#PF: (?<access>.+ access in (kernel|user) mode)$"),
            (d, m) => d.Report.FaultAccess ??= G(m, "access"), "x86 show_fault_oops since 5.1"),
        new("", P(@"^(PGD [0-9a-fA-F]+ .*|PGD 0|\*pdpt = .*|\*pde = .*|\[[0-9a-f]+\] (pgd|\*pgd)=.*)$"),
            (d, m) => d.Report.PageTableWalk ??= m.Value, "x86 dump_pagetable, arm/arm64 show_pte"),
        new("Kernel panic - not syncing", P(@"Kernel panic - not syncing:? ?(?<reason>.*)$"),
            (d, m) => d.Report.Panic ??= G(m, "reason").Trim(), "kernel/panic.c panic()"),
        new("CPU: ", P(@"^CPU: (?<cpu>\d+) (UID: \d+ )?PID: (?<pid>\d+) Comm: (?<comm>.+)$"), SetTaskLine, "dump_stack_print_info since 3.12"),
        new("Pid: ", P(@"^Pid: (?<pid>\d+), comm: (?<comm>.+)$"), SetOldTaskLine, "2.6 to 3.11 __show_regs / dump_stack"),
        new("Process ", P(@"^Process (?<comm>.+) \(pid: (?<pid>\d+), "), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "2.6 die() on x86"),
        new("INFO: task ", P(@"INFO: task (?<comm>.+):(?<pid>\d+) blocked for more than"), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "kernel/hung_task.c"),
        new("soft lockup", P(@"soft lockup - CPU#(?<cpu>\d+) stuck for \d+s! \[(?<comm>.+):(?<pid>\d+)\]"),
            (d, m) => { d.SetCpu(G(m, "cpu")); d.SetProcess(G(m, "comm"), G(m, "pid")); }, "kernel/watchdog.c"),
        new("scheduling while atomic", P(@"scheduling while atomic: (?<comm>.+)/(?<pid>\d+)/0x[0-9a-fA-F]+"), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "kernel/sched __schedule_bug"),
        new("in_atomic()", P(@"pid: (?<pid>\d+), name: (?<comm>.+)$"), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "__might_sleep"),
        new("WARNING:", P(@"^WARNING: (CPU: (?<cpu>\d+) PID: (?<pid>\d+) )?at ?(?<loc>\S+)( (?<frame>.*))?$"), SetWarning, "kernel/panic.c __warn"),
        new("BUG: K", P(@"BUG: K(ASAN|MSAN|FENCE|CSAN): [a-z -]+ in (?<frame>\S+( \[[A-Za-z0-9_-]+\])?)"), SetHeaderFrame,
            "KASAN/KMSAN/KFENCE name the accessing function; KCSAN `data-race in a / b` names the first racer"),
        new("comm \"", P(@"^comm ""(?<comm>[^""]*)"", pid (?<pid>\d+)"), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "kmemleak print_unreferenced"),
        new("Hardware name: ", P(@"^Hardware name: (?<hw>.+)$"), (d, m) => d.Report.Hardware ??= G(m, "hw").Trim(), "dump_stack_print_info"),
        new("ainted", P(@"^(Not tainted|Tainted: ).*$"), (d, m) => d.SetTaint(TaintLine.Parse(m.Value, 0), false), "hung-task second line, 3.x+"),
        new("CPU ", P(@"^CPU (?<cpu>\d+) ?$"), (d, m) => d.SetCpu(G(m, "cpu")), "2.6 x86_64 die() line before the modules"),
        new("CPU: ", P(@"(EFLAGS: [0-9a-fA-F]+ CPU: |^CPU: +)(?<cpu>\d+)$"), (d, m) => d.SetCpu(G(m, "cpu")), "i386 EIP line; Xen `(XEN) CPU:    2`"),
        new("NMI backtrace for cpu", P(@"^NMI backtrace for cpu (?<cpu>\d+)"), (d, m) => d.SetCpu(G(m, "cpu")), "lib/nmi_backtrace.c"),
        new("Machine Check Exception", P(@"CPU (?<cpu>\d+): Machine Check Exception"), (d, m) => d.SetCpu(G(m, "cpu")), "mce_panic / old mce"),
        new("Xen-", P(@"^----\[ (?<ver>Xen-\S+) +(?<arch>\S+) .*Tainted: +(?<taint>[A-Z ]*?) *\]----"), SetXenBanner, "Xen show_registers banner"),
        new("Linux version ", P(@"Linux version (?<ver>\S+)"), (d, m) => d.BannerKernel ??= G(m, "ver"), "boot banner inside the region"),
        new("REGS: ", P(@"Tainted: .*\((?<ver>\d[^)]*)\)$"), (d, m) => d.Report.Kernel ??= G(m, "ver"), "ppc show_regs REGS line"),
    ];

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static void SetOops(ReportDraft d, Match m)
    {
        if (d.Report.OopsCount is not null)
            return;
        d.Report.OopsCount = int.TryParse(G(m, "count"), out var n) ? n : null;
        d.Report.OopsCode ??= NullIfEmpty(G(m, "code"));
    }

    private static void SetTaskLine(ReportDraft d, Match m)
    {
        d.SetCpu(G(m, "cpu"));
        SetCommAndTaint(d, G(m, "comm"), G(m, "pid"), boardFollows: false);
    }

    /// <summary>The 2.6-era line ends with the DMI board name after the build number.</summary>
    private static void SetOldTaskLine(ReportDraft d, Match m) => SetCommAndTaint(d, G(m, "comm"), G(m, "pid"), boardFollows: true);

    private static void SetCommAndTaint(ReportDraft d, string tail, string pid, bool boardFollows)
    {
        int end = TaintLine.CommEnd(tail, 0);
        d.SetProcess(end < 0 ? tail.Trim() : tail[..end].Trim(), pid);
        if (end >= 0)
            d.SetTaint(TaintLine.Parse(tail, end), boardFollows);
    }

    private static void SetWarning(ReportDraft d, Match m)
    {
        d.SetCpu(G(m, "cpu"));
        if (d.HeaderFrame is not null)
            return;
        var frame = G(m, "frame");
        if (frame.Length == 0)
            d.HeaderFrameOnNextLine = true;
        else
            d.HeaderFrame = WarningFrame(frame);
    }

    /// <summary>`generic_get_mtrr+0x11e/0x140() (Not tainted)`, `f+0x1/0x2 [mod]()`: the frame before `()`.</summary>
    public static Frame? WarningFrame(string text)
    {
        int call = text.IndexOf("()", StringComparison.Ordinal);
        var frameText = call >= 0 ? text[..call] : text;
        return FrameParser.TryParseFrame(frameText, out var frame) ? frame : null;
    }

    /// <summary>A header names a function with an offset (`f+0x1/0x2 [mod]`) or, for KCSAN, a bare name.</summary>
    private static void SetHeaderFrame(ReportDraft d, Match m)
    {
        if (d.HeaderFrame is not null)
            return;
        var text = G(m, "frame");
        if (FrameParser.TryParseFrame(text, out var frame))
            d.HeaderFrame = frame;
        else if (IsIdentifier(text))
            d.HeaderFrame = new Frame(text, null, null, null, true);
    }

    private static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
            return false;
        foreach (char c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                return false;
        return true;
    }

    private static void SetXenBanner(ReportDraft d, Match m)
    {
        d.Report.Kernel ??= G(m, "ver");
        d.Arch ??= G(m, "arch");
        var taint = G(m, "taint").Trim();
        d.Report.Taint ??= taint.Length == 0 ? null : string.Join(' ', taint.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
