namespace PanicLens.Detection;

/// <summary>
/// The header table: literals that open a crash report, in priority order (the first row found on a line wins,
/// so `BUG:` beats `WARNING:` on a line holding both). Families follow the kernel's printing sites.
/// </summary>
public static class CrashHeaders
{
    // The kernel always prints a blank after `BUG:` and `WARNING:`; the kernel test robot's (LKP's) dmesg keys glue the
    // words on (`BUG:soft_lockup-CPU##stuck_for#s`, `WARNING:at_net/core/dev.c:#skb_warn`) in the tables of its mails.
    private const string BugExclude = @"ALSA [^ ]+: BUG:|DEBUG:|xlog_status:|no syscalls can create resource|BUG:[^ \t]";

    /// <summary>
    /// x86 die() prints `%s: %04lx [#%d]` after its message (arch/x86/kernel/dumpstack.c __die_header), and traps.c
    /// builds that message as `general protection fault` (GPFSTR) with, since 5.5, `, probably for non-canonical address
    /// 0x%lx` or `, maybe for address 0x%lx` (during review `for non-canonical address`, as in syzkaller's corpus): the
    /// kernel's line goes on with `:` or `,` or has die()'s `: 0000 [#1]` later, or a wrap cuts it after the words.
    /// `general protection fault in f` is syzbot's title; `... ip:%lx sp:%lx error:%lx in lib[...]` is show_signal()'s
    /// notice of a user-space fault.
    /// </summary>
    private const string GeneralProtectionFaultOwn = @"general protection fault(?:[ \t]*[:,]|[ \t]*\z|.*: [0-9a-f]{4} \[#?[0-9]+\])";

    /// <summary>BUG()'s line goes on with ` at ` and a place, or a wrap cuts it after `BUG` or `at`.</summary>
    private const string KernelBugAt = @"[Kk]ernel BUG(?:[ \t]+at(?:[ \t]|\z)|[ \t]*\z)";

    private const string WarningExclude =
        @"/etc/ssh/moduli|moduli does not exist|workqueue cpumask|mand mount option|DT_FLAGS_1|" +
        @"Unprivileged eBPF is enabled|fbcon: Driver|for mitigation options|CPU_SRSO|EXT4-[fF][sS]|" +
        @"[uU][sS][eE][sS] [dD][eE][pP][rR][eE][cC][aA][tT][eE][dD] [vV]2 [cC][aA][pP][aA][bB][iI][lL][iI][tT][iI][eE][sS]|" +
        @"[uU][sS][eE][sS] [wW][iI][rR][eE][lL][eE][sS][sS] [eE][xX][tT][eE][nN][sS][iI][oO][nN][sS]|XFS \([^)]*\): WARNING|WARNING:[^ \t]";

    private const string InfoExclude =
        @"INFO: lockdep is turned off|INFO: Stall ended before state dump start|INFO: NMI handler|" +
        @"recovery required on readonly filesystem|(handler|interrupt).*took too long|_INFO:|INFO:[^ \t]|" +
        @"INFO: Enabling|INFO: Disabling|no syscalls can create resource|[A-Za-z0-9]INFO:";

    /// <summary>
    /// Text that marks a header line as part of the report already open, whichever row matched it: die() prints
    /// `invalid opcode: 0000` after `kernel BUG at`, arm prints `Internal error: Oops - BUG:` after its first line.
    /// </summary>
    public static readonly string[] InsideMarkers =
    [
        "invalid opcode: 0000", "Kernel panic - not syncing", "unregister_netdevice: waiting for", "PANIC: double fault", "Internal error:",
        // mm/slub.c print_trailer/object_err: the detail lines of a SLUB debug report (`BUG kmalloc-128 (...): Poison overwritten`).
        "INFO: Allocated in ", "INFO: Freed in ", "INFO: Slab 0x", "INFO: Object 0x", "INFO: 0x",
    ];

    /// <summary>True when <paramref name="text"/> holds one of <see cref="InsideMarkers"/>.</summary>
    public static bool IsInside(string text)
    {
        foreach (var marker in InsideMarkers)
            if (text.Contains(marker, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>
    /// Notices that print a stack of their own without being a crash: on a console without caller ids they end
    /// the report in progress, because what follows is their stack, not the report's.
    /// </summary>
    public static readonly string[] Interruptions =
    [
        "FAULT_INJECTION: forcing a failure", "vmalloc: allocation failure:", "FAULT_FLAG_ALLOW_RETRY missing",
    ];

    /// <summary>
    /// Lines a printing site puts right after the `---[ end trace` of its own WARN: the report goes on with them (the
    /// first line after the marker only; anything else still waits for a panic line, as after every end marker).
    /// </summary>
    public static readonly (string Text, string Source)[] AfterEndTrace =
    [
        ("DMA-API: Mapped at:", "kernel/dma/debug.c err_printk(): WARN(), then dump_entry_trace() prints `Mapped at:` and the mapping's stack (pr_fmt `DMA-API: `)"),
        ("dma-debug: Mapped at:", "kernel/dma/debug.c before pr_fmt (dev_info `Mapped at:` in 4.x kernels' dma-debug)"),
        ("kobject_add_internal failed for ", "lib/kobject.c kobject_add_internal() of 2.6.2x: after sysfs's duplicate-name WARN (its create_dir() call), `%s failed for %s with -EEXIST, don't try to register things ...` (`__func__`) and dump_stack()"),
        ("possible reason: unannotated irqs-off.", "kernel/locking/lockdep.c check_flags(): DEBUG_LOCKS_WARN_ON() (a WARN), then this line and print_irqtrace_events()"),
    ];

    /// <summary>Whether <paramref name="text"/> holds one of <see cref="AfterEndTrace"/>.</summary>
    public static bool ContinuesAfterEndTrace(string text)
    {
        foreach (var (marker, _) in AfterEndTrace)
            if (text.Contains(marker, StringComparison.Ordinal))
                return true;
        return false;
    }

    private const string SysrqBacktraces =
        "drivers/tty/sysrq.c sysrq-l: `sysrq: ` (`SysRq : ` before 5.x) then the action; the NMI backtraces that follow were asked for";

    private const string SysrqState = "drivers/tty/sysrq.c sysrq-t: every task's dump, blocked ones among them, was asked for";

    public static readonly CrashHeader[] All =
    [
        new("BUG:", "bug") { Exclude = BugExclude, Why = "lib/bug.c, mm/, KASAN/KMSAN/KCSAN/KFENCE, lockdep, watchdogs all print `BUG:`; ODEBUG/DEBUG tags are not crashes" },
        new("WARNING:", "warning") { Exclude = WarningExclude, Why = "__warn() and lockdep; the excluded texts are user-space or boot notices" },
        new("INFO:", "info") { Exclude = InfoExclude, Why = "hung tasks, RCU stalls, lockdep; the excluded texts are perf/lockdep housekeeping" },
        new("Unable to handle kernel", "unable-to-handle") { Why = "arm/arm64/powerpc page-fault oops (arch/*/mm/fault.c)" },
        new("general protection fault", "gpf") { Require = GeneralProtectionFaultOwn, Why = "x86 #GP in the kernel: die()'s `general protection fault: 0000 [#1]`, `general protection fault, probably for non-canonical address ...`; syzbot's title `... in f` and a user-space fault notice (`... ip:... error:0 in libc.so`) open nothing" },
        new("stack segment: ", "stack-segment") { Why = "x86 #SS (do_stack_segment)" },
        new("Kernel panic - not syncing", "kernel-panic", HeaderRole.Inside) { Why = "panic(); after an oops it is that oops' last line, alone it is the report" },
        new("PANIC: double fault", "double-fault", HeaderRole.Inside) { Why = "x86 #DF, often printed inside a stack overflow report" },
        new("rust_kernel: panicked", "rust-panic") { Why = "Rust panic handler" },
        new("kernel BUG", "kernel-bug") { Require = KernelBugAt, Why = "BUG() / BUG_ON(): lib/bug.c report_bug() `kernel BUG at %s:%u!`; `kernel BUG in f` is syzbot's title, `kernel BUG log:` prose" },
        new("Kernel BUG", "kernel-bug") { Require = KernelBugAt, Why = "lib/bug.c without file and line: `Kernel BUG at %pS [verbose debug info unavailable]`; powerpc/s390 spell it so too" },
        new("BUG kmalloc-", "slub") { Why = "SLUB debug object checks" },
        new("divide error:", "divide-error") { Why = "x86 #DE" },
        new("divide_error:", "divide-error") { Why = "x86 #DE, old spelling" },
        new("invalid opcode:", "invalid-opcode") { Why = "x86 #UD; `invalid opcode: 0000` also follows `kernel BUG at`" },
        new("int3:", "int3") { Why = "x86 breakpoint trap in the kernel" },
        new("UBSAN:", "ubsan") { Why = "lib/ubsan.c" },
        new("Booting the kernel.", "reboot") { Exclude = @"Parsing ELF|Decompressing Linux|Unknown parameter '", AtStart = true, Why = "the machine rebooted without a report" },
        new("unregister_netdevice: waiting for", "netdev-refcount", HeaderRole.Inside) { Why = "net/core/dev.c: a leaked device reference" },
        new("VFS: Close: file count is 0", "vfs") { Why = "fs/open.c filp_close on a dead file" },
        new("VFS: Busy inodes after unmount", "vfs") { Why = "fs/super.c generic_shutdown_super" },
        new("Internal error:", "arm-internal-error", HeaderRole.Inside) { Why = "arm/arm64 die(); follows `Unable to handle kernel`" },
        new("Unhandled fault:", "arm-unhandled-fault") { Why = "arm do_DataAbort" },
        new("Alignment trap:", "alignment-trap") { Why = "arm alignment exception" },
        new("trusty: panic", "trusty") { Why = "Android trusty TEE panic" },
        new("fatal error:", "go-fatal") { Exclude = @"ALSA|fatal error: cannot create timer", AtStart = true, Why = "Go runtime fatal error (gVisor, syz tools); the runtime starts the line with it, while drivers print `fatal error:` mid-line (`ath10k_pci ...: firmware crashed! fatal error:`), so only the line start counts here, unlike the reference" },
        new("SYZFAIL:", "syzfail") { Why = "syzkaller executor failure" },
        new("SYZFATAL:", "syzfatal") { Why = "syzkaller tool failure" },
        new("panic:", "go-panic") { Exclude = @"_panic:|xlog_status:|ddb\.onpanic:|evtlog_status:", AtStart = true, Why = "Go panic (gVisor); the runtime starts the line with it, while kernel text holds `panic:` mid-line (`Kernel panic - not syncing: ...`, `skb_panic:`, `panic: on` settings), so only the line start counts here, unlike the reference" },
        new("Oops:", "oops", HeaderRole.Inside) { Why = "die() banner; normally under a `BUG: unable to handle` line" },
        new("Oops[#", "oops", HeaderRole.Inside) { Why = "mips die() prints `%s[#%d]:`: `Oops[#1]:` from do_page_fault, after `CPU 0 Unable to handle kernel paging request`" },
        new("Oops - ", "oops")
        {
            AtStart = true, Require = @"Oops - [A-Za-z()/ -]{1,60} \[#[0-9]{1,6}\]",
            Why = "arch/riscv/kernel/traps.c die() prints `%s [#%d]` with the trap's name: `Oops - illegal instruction [#1]`, "
                + "`Oops - load access fault [#1]`, `Oops - store (or AMO) access fault [#1]`",
        },
        new("Oops [#", "oops", HeaderRole.Inside) { AtStart = true, Why = "arch/riscv/mm/fault.c die_kernel_fault(): `Oops [#1]` after `Unable to handle kernel ... at virtual address`" },
        new("Unhandled kernel unaligned access", "mips-die") { Why = "arch/mips/kernel/unaligned.c die_if_kernel(): `Unhandled kernel unaligned access[#1]:`" },
        new("Reserved instruction in kernel code", "mips-die") { Why = "arch/mips/kernel/traps.c do_ri() die_if_kernel()" },
        new("Kernel bug detected[#", "kernel-bug") { Why = "arch/mips/kernel/traps.c do_bp(): BUG() on mips" },
        new("Watchdog detected hard LOCKUP", "hard-lockup") { Why = "kernel/watchdog_hld.c: `Watchdog detected hard LOCKUP on cpu N`" },
        new("[Hardware Error]", "mce", HeaderRole.Inside) { Why = "arch/x86/kernel/cpu/mce: machine check, a hardware fault" },
        new("Machine Check Exception", "mce", HeaderRole.Inside) { Why = "2.6-era mce.c: `CPU 0: Machine Check Exception: 7` before its bank lines" },
        new("Machine check events logged", "mce", HeaderRole.Inside) { Why = "older mce.c spelling of a corrected machine check" },
        new(": Machine Check Exception:", "mce", HeaderRole.Inside) { Why = "2.6-era mce.c fatal banner `CPU 0: Machine Check Exception: 7`, before `Bank N:` lines" },
        new("page allocation failure:", "page-alloc-failure", HeaderRole.Inside) { Why = "mm/page_alloc.c warn_alloc; often printed inside other reports" },
        new("(XEN) Panic on CPU", "xen", HeaderRole.Inside) { Why = "Xen hypervisor panic(); follows its own register dump" },
        new("(XEN) ----[ Xen-", "xen", HeaderRole.Inside) { Why = "Xen hypervisor register dump banner (BUG/assertion/fatal trap)" },
        new("(XEN) Xen BUG at", "xen", HeaderRole.Inside) { Why = "Xen hypervisor BUG()" },
        new("(XEN) Assertion '", "xen", HeaderRole.Inside) { Why = "Xen hypervisor ASSERT()" },
        new("(XEN) FATAL TRAP", "xen", HeaderRole.Inside) { Why = "Xen hypervisor fatal exception" },
        new("(XEN) Domain 0 crashed", "xen", HeaderRole.Inside) { Why = "Xen notice that Dom0 died: the tail of a Dom0 oops" },
        new("NMI backtrace for cpu", "nmi-backtrace", HeaderRole.Inside)
        {
            AtStart = true, Dump = true,
            Why = "lib/nmi_backtrace.c nmi_cpu_backtrace(): printed inside RCU-stall, lockup and hung-task reports; alone (the capture "
                + "began after the report's first line) it is the report",
        },
        new("sysrq: Show backtrace of all active CPUs", "sysrq") { Quiet = true, Why = SysrqBacktraces },
        new("SysRq : Show backtrace of all active CPUs", "sysrq") { Quiet = true, Why = SysrqBacktraces },
        new("sysrq: Show State", "sysrq") { Quiet = true, Why = SysrqState },
        new("SysRq : Show State", "sysrq") { Quiet = true, Why = SysrqState },
    ];

    /// <summary>
    /// A blocked task's dump standing alone (<see cref="TaskDumpLine"/>): what sysrq-w prints, and a hung-task report whose
    /// `INFO: task ... blocked` line was not captured. Matched by the line's shape, not a literal; a dump that also lists
    /// tasks in other states is a state listing and is dropped.
    /// </summary>
    public static readonly CrashHeader TaskDump = new("", "task-dump", HeaderRole.Inside)
    {
        Dump = true, Why = "kernel/sched/core.c sched_show_task() of a D-state task, then its Call Trace",
    };

    /// <summary>
    /// Literals on lines that can belong to a report opened without a header literal (a bare blocked-task dump): a
    /// pre-filter that looks only for header literals must look for these too.
    /// </summary>
    public static readonly string[] TraceHints = ["Call Trace:"];

    /// <summary>Whether <paramref name="text"/> holds one of <see cref="TraceHints"/>.</summary>
    public static bool HasTraceHint(string text)
    {
        foreach (var hint in TraceHints)
            if (text.Contains(hint, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>The header on <paramref name="text"/>: a row of <see cref="All"/>, or a blocked task's dump line.</summary>
    public static CrashHeader? Find(string text, out int position)
    {
        if (HeaderScanner.Match(text, out position) is { } header)
            return header;
        if (!TaskDumpLine.IsBlocked(text))
            return null;
        position = 0;
        return TaskDump;
    }
}
