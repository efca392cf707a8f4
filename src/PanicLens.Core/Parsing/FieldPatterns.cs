using System.Buffers;
using System.Text.RegularExpressions;
using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// One-line fields of a crash report: a pattern with named captures and what it fills. Every pattern runs on every
/// logical line of a report after a literal check. They are source-generated (no start-up cost: a NonBacktracking set
/// took a second to warm up) and written to stay linear on hostile text: no nested or overlapping quantifiers, every
/// open-ended run anchored by a literal, and lines are at most <c>LineReader.MaxLineLength</c> long.
/// Values already set are kept: the first line that names a field is the crash's own, later ones belong to follow-ups.
/// </summary>
internal static partial class FieldPatterns
{
    /// <summary>
    /// <see cref="AtStart"/>: every match begins with <see cref="Literal"/> at the start of the line (the pattern is
    /// anchored there), so the row is tried only on lines that start with it.
    /// </summary>
    internal sealed record FieldPattern(string Literal, Regex Pattern, Action<ReportDraft, Match> Apply, string Why)
    {
        public bool AtStart { get; init; }
    }

    private static string G(Match m, string name) => m.Groups[name].Value;

    public static readonly FieldPattern[] Rows =
    [
        new("able to handle", FaultAt(),
            (d, m) => d.SetFaultAddress(G(m, "addr")), "x86 no_context / page_fault_oops, arm/arm64 die_kernel_fault, ppc bad_page_fault"),
        new("NULL pointer dereference, address", NullAddress(),
            (d, m) => d.SetFaultAddress(G(m, "addr")), "x86 page_fault_oops since 5.1"),
        new("non-canonical address", NonCanonical(),
            (d, m) => d.SetFaultAddress(G(m, "addr")), "x86 GPF decoder since 5.2"),
        new(" by task ", KasanAccess(),
            (d, m) => { d.SetFaultAddress(G(m, "addr")); d.SetProcess(G(m, "comm"), G(m, "pid")); },
            "mm/kasan/report.c access line: `%s of size %zu at addr %px by task %s/%d` since 4.11, `%s of size %zu by task %s/%d` in 4.0-4.10"),
        new("[#", OopsCount(), SetOops, "die(): `Oops: 0000 [#1] SMP`, `general protection fault: 0000 [#1]`, arm64 `Internal error: Oops: 96000005 [#1]`"),
        new("#PF: error_code", PfErrorCode(),
            (d, m) => { d.Report.ErrorCode ??= G(m, "code"); d.Report.ErrorText ??= NullIfEmpty(G(m, "text")); }, "x86 show_fault_oops since 5.1") { AtStart = true },
        new("#PF: ", PfAccess(),
            (d, m) => d.Report.FaultAccess ??= G(m, "access"), "x86 show_fault_oops since 5.1") { AtStart = true },
        new("PGD ", PageWalkX86(), (d, m) => d.Report.PageTableWalk ??= m.Value.TrimEnd(), "x86 dump_pagetable") { AtStart = true },
        new("*pd", PageWalkI386(), (d, m) => d.Report.PageTableWalk ??= m.Value.TrimEnd(), "i386 dump_pagetable") { AtStart = true },
        new("pgd=", PageWalkArm(), (d, m) => d.Report.PageTableWalk ??= m.Value.TrimEnd(), "arm/arm64 show_pte"),
        new("Kernel panic - not syncing", PanicReason(),
            (d, m) => d.Report.Panic ??= G(m, "reason").Trim(), "kernel/panic.c panic()"),
        new("CPU: ", TaskLine(), SetTaskLine, "dump_stack_print_info since 3.12") { AtStart = true },
        new("Pid: ", OldTaskLine(), SetOldTaskLine, "2.6 to 3.11 __show_regs / dump_stack") { AtStart = true },
        new("Process ", ProcessLine(), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "2.6 die() on x86") { AtStart = true },
        new("TASK = ", PowerpcTaskLine(), SetPowerpcTaskLine,
            "arch/powerpc/kernel/process.c show_regs (2.6 to 4.x): `TASK = %p[%d] '%s' THREAD: %p`, then ` CPU: %d` on SMP") { AtStart = true },
        new("INFO: task ", HungTask(), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "kernel/hung_task.c"),
        new("task:", Detection.TaskDumpLine.Current(), (d, m) => d.SetProcess(G(m, "comm").TrimEnd(), G(m, "pid")),
            "kernel/sched/core.c sched_show_task since 5.10: `task:%-15.15s state:%c ... pid:%-5d`") { AtStart = true },
        new(" 0x", Detection.TaskDumpLine.Old(), (d, m) => d.SetProcess(G(m, "comm").TrimEnd(), G(m, "pid")),
            "kernel/sched/core.c sched_show_task to 5.9: `%-15.15s %c` then `%5lu %5d %6d 0x%08lx` (free stack, pid, ppid, flags); 2.6 prints the saved pc between"),
        new("soft lockup", SoftLockup(),
            (d, m) => { d.SetCpu(G(m, "cpu")); d.SetProcess(G(m, "comm"), G(m, "pid")); }, "kernel/watchdog.c"),
        new("scheduling while atomic", AtomicSchedule(), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "kernel/sched __schedule_bug"),
        new("in_atomic()", MightSleep(), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "__might_sleep"),
        new("WARNING:", WarningLine(), SetWarning, "kernel/panic.c __warn") { AtStart = true },
        new("WARNING: ", WarningLine617(), SetWarning617, "kernel/panic.c __warn since 6.17: `WARNING: file:line at f+0x1/0x2, CPU#1: comm/pid`") { AtStart = true },
        new(", at: ", LockdepSite(), SetLockSite, "kernel/locking/lockdep.c print_lock: `lockname{usage}-{n:n}, at: %pS`"),
        new(") at:", LockdepSiteNext(), (d, _) => d.LockSiteOnNextLine = d.LockSite is null,
            "kernel/locking/lockdep.c print_unlock_imbalance_bug: `X/N is trying to release lock (name) at:` then `%pS` on its own line"),
        new("BUG: K", SanitizerHeader(), SetHeaderFrame,
            "KASAN/KMSAN/KFENCE name the accessing function; KCSAN `data-race in a / b` names the first racer"),
        new("caller is ", PreemptCaller(), SetHeaderFrame,
            "lib/smp_processor_id.c check_preemption_disabled: `BUG: using %s%s() in preemptible ...` then `caller is %pS`"),
        new("Kernel stack is corrupted in: ", StackProtector(), SetHeaderFrame,
            "kernel/panic.c __stack_chk_fail: `panic(\"stack-protector: Kernel stack is corrupted in: %pB\\n\", __builtin_return_address(0))`"),
        new("LR ", LinkRegister(), SetLinkFrame, "arm __show_regs `LR is at %pS`; powerpc show_regs `LR [%016lx] %pS`, `LR %pS` since 5.x") { AtStart = true },
        new("lr : ", LinkRegister(), SetLinkFrame, "arm64 __show_regs: `lr : %pS`") { AtStart = true },
        new("ra : ", LinkRegister(), SetLinkFrame, "riscv show_regs: ` ra : %pS` (a blank before it)"),
        new("comm \"", KmemleakComm(), (d, m) => d.SetProcess(G(m, "comm"), G(m, "pid")), "kmemleak print_unreferenced") { AtStart = true },
        // Both also behind other text: a mail client may unwrap the line before onto them (`... #22 Hardware name: ...`),
        // or cut the task line before `Comm:` (`CPU: 0 PID: 5929 Tainted: G S W 5.4.96 #1`).
        new("Hardware name: ", HardwareName(), (d, m) => d.Report.Hardware ??= G(m, "hw").Trim(), "dump_stack_print_info"),
        new("ainted", TaintOnly(), (d, m) => d.SetTaint(TaintLine.Parse(G(m, "taint"), 0), false), "hung-task second line, 3.x+; any line holding the flags and release"),
        new("CPU ", OldCpuLine(), (d, m) => d.SetCpu(G(m, "cpu")), "2.6 x86_64 die() line before the modules") { AtStart = true },
        new("CPU: ", EipCpu(), (d, m) => d.SetCpu(G(m, "cpu")), "i386 EIP line; Xen `(XEN) CPU:    2`"),
        new("NMI backtrace for cpu", NmiBacktrace(), (d, m) => d.SetCpu(G(m, "cpu")), "lib/nmi_backtrace.c") { AtStart = true },
        new("Machine Check Exception", MceCpu(), (d, m) => d.SetCpu(G(m, "cpu")), "mce_panic / old mce"),
        new("----[ Xen-", XenBanner(), SetXenBanner, "Xen show_registers banner") { AtStart = true },
        new("kthread starved for", GpKthreadStarved(), (d, _) => d.SecondaryTasksAhead = 1,
            "kernel/rcu/tree_stall.h rcu_check_gp_kthread_starvation: `%s kthread starved for %ld jiffies!`, then sched_show_task of the grace-period kthread"),
        new("GP kthread last ran", GpKthreadLastRan(), (d, _) => d.SecondaryTasksAhead = 1,
            "kernel/rcu/tree_stall.h since 5.10: `Stack dump where RCU GP kthread last ran:`, then dump_cpu_task of that CPU"),
        new("Linux version ", LinuxBanner(), (d, m) => d.BannerKernel ??= G(m, "ver"), "boot banner inside the region"),
        new("REGS: ", PpcRegs(), (d, m) => d.Report.Kernel ??= G(m, "ver"), "ppc show_regs REGS line"),
    ];

    /// <summary>The <see cref="FieldPattern.AtStart"/> rows by the first character of their literal (its low byte), as bits.</summary>
    private static readonly ulong[] AtStartByFirst = BuildAtStartByFirst();

    /// <summary>The rows whose literal may stand anywhere on the line, as bits, and their literals.</summary>
    private static readonly ulong Anywhere = Bits(row => !row.AtStart);
    private static readonly PanicLens.Text.LiteralSet AnywhereLiterals = new(Rows.Where(row => !row.AtStart).Select(row => row.Literal));

    private static ulong[] BuildAtStartByFirst()
    {
        if (Rows.Length > 64)
            throw new InvalidOperationException($"FieldPatterns holds {Rows.Length} rows; RowsOn keeps at most 64");
        var byFirst = new ulong[256];
        for (var i = 0; i < Rows.Length; i++)
            if (Rows[i].AtStart)
                byFirst[Rows[i].Literal[0] & 0xFF] |= 1UL << i;
        return byFirst;
    }

    private static ulong Bits(Func<FieldPattern, bool> which)
    {
        ulong bits = 0;
        for (var i = 0; i < Rows.Length; i++)
            if (which(Rows[i]))
                bits |= 1UL << i;
        return bits;
    }

    /// <summary>
    /// The rows whose literal is on the line, as bits in table order: rows anchored at the line start are looked up
    /// by its first character, the others by one vectorised search; most report lines hold none.
    /// </summary>
    public static ulong RowsOn(string text)
    {
        if (text.Length == 0)
            return 0;
        ulong rows = 0;
        for (var candidates = AtStartByFirst[text[0] & 0xFF]; candidates != 0; candidates &= candidates - 1)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(candidates);
            if (text.StartsWith(Rows[i].Literal, StringComparison.Ordinal))
                rows |= 1UL << i;
        }
        if (!AnywhereLiterals.FoundIn(text))
            return rows;
        for (var candidates = Anywhere; candidates != 0; candidates &= candidates - 1)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(candidates);
            if (text.Contains(Rows[i].Literal, StringComparison.Ordinal))
                rows |= 1UL << i;
        }
        return rows;
    }

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
        d.SetProcessFromTaskLine(end < 0 ? tail.Trim() : tail[..end].Trim(), pid);
        if (end >= 0)
            d.SetTaint(TaintLine.Parse(tail, end), boardFollows);
    }

    private static void SetWarning(ReportDraft d, Match m)
    {
        d.SetCpu(G(m, "cpu"));
        if (d.HeaderFrame is not null)
            return;
        var frame = G(m, "frame");
        var loc = G(m, "loc");
        if ((frame.Length == 0 || frame.StartsWith('[')) && loc.Contains("+0x", StringComparison.Ordinal)
            && WarningFrame(frame.Length == 0 ? loc : loc + " " + frame) is { } caller)
            d.HeaderFrame = caller; // __warn without a file (no CONFIG_DEBUG_BUGVERBOSE): `WARNING: CPU: %d PID: %d at %pS`
        else if (frame.Length == 0)
            d.HeaderFrameOnNextLine = true;
        else
            d.HeaderFrame = WarningFrame(frame);
    }

    private static void SetWarning617(ReportDraft d, Match m)
    {
        if (m.Groups["cpu"].Success)
            d.SetCpu(G(m, "cpu"));
        if (m.Groups["pid"].Success)
            d.SetProcessFromSymbolLine(G(m, "comm"), G(m, "pid")); // a mail may wrap the line after `CPU#0`
        if (d.HeaderFrame is null && FrameParser.TryParseHeaderFrame(G(m, "frame"), out var frame) && !frame.Function.StartsWith("0x", StringComparison.Ordinal))
            d.HeaderFrame = frame;
    }

    /// <summary>`generic_get_mtrr+0x11e/0x140() (Not tainted)`, `f+0x1/0x2 [mod]()`: the frame before `()`.</summary>
    public static Frame? WarningFrame(string text)
    {
        int call = text.IndexOf("()", StringComparison.Ordinal);
        var frameText = call >= 0 ? text[..call] : text;
        return FrameParser.TryParseHeaderFrame(frameText, out var frame) ? frame : null;
    }

    /// <summary>The first lock site that is not itself a lock primitive or inline wrapper line.</summary>
    private static void SetLockSite(ReportDraft d, Match m)
    {
        if (d.LockSite is not null || !FrameParser.TryParseFrame(G(m, "frame"), out var frame) || frame.Inline
            || frame.Function.StartsWith("0x", StringComparison.Ordinal) || FaultingFunction.IsLockPrimitive(frame))
            return;
        d.LockSite = frame;
    }

    /// <summary>The first symbolised link register: an address alone (`lr : 0xffff...`) names nothing.</summary>
    private static void SetLinkFrame(ReportDraft d, Match m)
    {
        if (d.LinkFrame is null && FrameParser.TryParseHeaderFrame(G(m, "frame"), out var frame) && !frame.Function.StartsWith("0x", StringComparison.Ordinal))
            d.LinkFrame = frame;
    }

    /// <summary>A header names a function with an offset (`f+0x1/0x2 [mod]`) or, for KCSAN, a bare name.</summary>
    private static void SetHeaderFrame(ReportDraft d, Match m)
    {
        if (d.HeaderFrame is not null)
            return;
        var text = G(m, "frame");
        if (FrameParser.TryParseHeaderFrame(text, out var frame))
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

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"nable to handle (kernel )?(paging request|NULL pointer dereference|page fault)( for (data|instruction fetch))?( at| for)?( virtual)?( address:?)? {1,32}(0x)?(?<addr>[0-9a-fA-F]{1,16})\b", Options)]
    private static partial Regex FaultAt();

    [GeneratedRegex(@"NULL pointer dereference, address: (?<addr>[0-9a-fA-F]{1,16})", Options)]
    private static partial Regex NullAddress();

    [GeneratedRegex(@"non-canonical address 0x(?<addr>[0-9a-fA-F]{1,16})", Options)]
    private static partial Regex NonCanonical();

    // 4.0-4.10 print the address on the header (`BUG: KASAN: %s in %pS at addr %p`) and `%s of size %zu by task %s/%d`.
    [GeneratedRegex(@"^(Read|Write) of size \d+ (at addr (?<addr>[0-9a-fA-F]{1,16}) )?by task (?<comm>.{1,64})/(?<pid>\d{1,10})$", Options)]
    private static partial Regex KasanAccess();

    [GeneratedRegex(@"((?<code>[0-9a-fA-F]{4,8}) )?\[#(?<count>\d{1,5})\]", Options)]
    private static partial Regex OopsCount();

    [GeneratedRegex(@"^#PF: error_code\(0x(?<code>[0-9a-fA-F]+)\)( - (?<text>.+))?$", Options)]
    private static partial Regex PfErrorCode();

    [GeneratedRegex(@"^#PF: (?<access>.+ access in (kernel|user) mode)$", Options)]
    private static partial Regex PfAccess();

    [GeneratedRegex(@"^(PGD [0-9a-fA-F]+ .*|PGD 0)$", Options)]
    private static partial Regex PageWalkX86();

    [GeneratedRegex(@"^\*pd(pt|e) = .*$", Options)]
    private static partial Regex PageWalkI386();

    [GeneratedRegex(@"^\[[0-9a-f]+\] \*?pgd=.*$", Options)]
    private static partial Regex PageWalkArm();

    [GeneratedRegex(@"Kernel panic - not syncing:? ?(?<reason>.*)$", Options)]
    private static partial Regex PanicReason();

    [GeneratedRegex(@"^CPU: (?<cpu>\d{1,6}) (UID: \d{1,10} )?PID: (?<pid>\d{1,10}) Comm: (?<comm>.+)$", Options)]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"^Pid: (?<pid>\d{1,10}), comm: (?<comm>.+)$", Options)]
    private static partial Regex OldTaskLine();

    [GeneratedRegex(@"^Process (?<comm>.{1,64}) \(pid: (?<pid>\d{1,10}), ", Options)]
    private static partial Regex ProcessLine();

    [GeneratedRegex(@"^TASK = (?:0x)?[0-9a-f]{1,16}\[(?<pid>\d{1,10})\] '(?<comm>[^']{0,64})' THREAD: (?:0x)?[0-9a-f]{1,16}(?: CPU: (?<cpu>\d{1,6}))?", Options)]
    private static partial Regex PowerpcTaskLine();

    private static void SetPowerpcTaskLine(ReportDraft d, Match m)
    {
        d.SetProcess(G(m, "comm"), G(m, "pid"));
        if (m.Groups["cpu"].Success)
            d.SetCpu(G(m, "cpu"));
    }

    [GeneratedRegex(@"INFO: task (?<comm>.{1,64}):(?<pid>\d{1,10}) blocked for more than", Options)]
    private static partial Regex HungTask();

    [GeneratedRegex(@"soft lockup - CPU#(?<cpu>\d+) stuck for \d{1,10}s! \[(?<comm>.{1,64}):(?<pid>\d{1,10})\]", Options)]
    private static partial Regex SoftLockup();

    [GeneratedRegex(@"scheduling while atomic: (?<comm>.{1,64})/(?<pid>\d{1,10})/0x[0-9a-fA-F]+", Options)]
    private static partial Regex AtomicSchedule();

    [GeneratedRegex(@"pid: (?<pid>\d{1,10}), name: (?<comm>.{1,64})$", Options)]
    private static partial Regex MightSleep();

    // The `, CPU#N: comm/pid` tail may be gone where a poster trimmed the line or a mail client wrapped it.
    [GeneratedRegex(@"^WARNING: (?<loc>\S{1,256}:\d{1,6}) at (?<frame>[^,]{1,512})(?:, CPU#(?<cpu>\d{1,6})(?:: (?<comm>.{1,64})/(?<pid>\d{1,10}))?)?$", Options)]
    private static partial Regex WarningLine617();

    [GeneratedRegex(@"^WARNING: (CPU: (?<cpu>\d+) PID: (?<pid>\d+) )?at(?: ?(?<loc>\S+)( (?<frame>.*))?)?$", Options)]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"[)}], at: (?<frame>[^ \t].{0,512})$", Options)]
    private static partial Regex LockdepSite();

    [GeneratedRegex(@"is trying to release lock \(.{1,256}\) at:$", Options)]
    private static partial Regex LockdepSiteNext();

    [GeneratedRegex(@"BUG: K(ASAN|MSAN|FENCE|CSAN): [a-z -]{1,64} in (?<frame>\S{1,512}( \[[A-Za-z0-9_-]+\])?)", Options)]
    private static partial Regex SanitizerHeader();

    // `%pB` gives `f+0x1/0x2 [mod]`; before it (2.6-3.x `%p`) a bare address, which names nothing here.
    [GeneratedRegex(@"Kernel stack is corrupted in: (?<frame>[A-Za-z0-9_.]{1,256}\+0x\S{1,64}( \[[A-Za-z0-9_-]+\])?)", Options)]
    private static partial Regex StackProtector();

    [GeneratedRegex(@"^ ?(?:LR (?:is at |\[[0-9a-f]{1,16}\] )?|lr : |ra : )(?<frame>\S{1,512}( \[[A-Za-z0-9_-]+\])?)", Options)]
    private static partial Regex LinkRegister();

    [GeneratedRegex(@"^\s{0,16}caller is (?<frame>\S{1,512}( \[[A-Za-z0-9_-]+\])?)", Options)]
    private static partial Regex PreemptCaller();

    [GeneratedRegex(@"^comm ""(?<comm>[^""]*)"", pid (?<pid>\d+)", Options)]
    private static partial Regex KmemleakComm();

    [GeneratedRegex(@"(?:^|\s)Hardware name: (?<hw>.+)$", Options)]
    private static partial Regex HardwareName();

    [GeneratedRegex(@"(?:^|\s)(?<taint>(?:Not tainted|Tainted: ).*)$", Options)]
    private static partial Regex TaintOnly();

    [GeneratedRegex(@"^CPU (?<cpu>\d+) ?$", Options)]
    private static partial Regex OldCpuLine();

    [GeneratedRegex(@"(EFLAGS: [0-9a-fA-F]+ CPU: |^CPU: +)(?<cpu>\d+)$", Options)]
    private static partial Regex EipCpu();

    [GeneratedRegex(@"\bkthread starved for \d{1,20} jiffies!", Options)]
    private static partial Regex GpKthreadStarved();

    [GeneratedRegex(@"Stack dump where RCU GP kthread last ran:", Options)]
    private static partial Regex GpKthreadLastRan();

    [GeneratedRegex(@"^NMI backtrace for cpu (?<cpu>\d+)", Options)]
    private static partial Regex NmiBacktrace();

    [GeneratedRegex(@"CPU (?<cpu>\d+): Machine Check Exception", Options)]
    private static partial Regex MceCpu();

    [GeneratedRegex(@"^----\[ (?<ver>Xen-\S{1,64}) +(?<arch>\S{1,16}) +(debug=[yn] +)?(Not tainted|Tainted: *(?<taint>[A-Z ]{0,32}))\s*\]----", Options)]
    private static partial Regex XenBanner();

    [GeneratedRegex(@"Linux version (?<ver>\S+)", Options)]
    private static partial Regex LinuxBanner();

    [GeneratedRegex(@"\((?<ver>\d[^()]{0,64})\)$", Options)]
    private static partial Regex PpcRegs();
}
