namespace PanicLens.Analysis;

/// <summary>
/// Why the kernel panicked, by the text after `Kernel panic - not syncing:`. Rows are matched by prefix,
/// longest first wins because more specific rows come first.
/// </summary>
public static class PanicReasons
{
    public static readonly PanicReason[] All =
    [
        // arch/x86/kernel/dumpstack.c oops_end(): in_interrupt() is checked before panic_on_oops.
        new("Fatal exception in interrupt", "The oops happened in interrupt context or with softirqs/bottom halves disabled (in_interrupt() was true: a hardware interrupt, a softirq, or code holding a _bh lock), so the kernel could not kill just the current task and panicked; a user process can trigger this when the crashing kernel path runs under spin_lock_bh()/read_lock_bh()."),
        new("Fatal exception", "The oops happened in process context and kernel.panic_on_oops is set, so the kernel panicked instead of killing only the task."),
        // kernel/watchdog.c
        new("softlockup: hung tasks", "A CPU was stuck in the kernel without scheduling for longer than the soft-lockup threshold (2 × kernel.watchdog_thresh, 20 s by default) and kernel.softlockup_panic is set."),
        // kernel/hung_task.c
        new("hung_task: blocked tasks", "A task stayed in uninterruptible sleep (D state) longer than kernel.hung_task_timeout_secs and kernel.hung_task_panic is set."),
        new("Hard LOCKUP", "A CPU stopped taking timer interrupts for longer than the hard-lockup threshold (the NMI watchdog fired) and kernel.hardlockup_panic (or nmi_watchdog=panic) is set."),
        new("Watchdog detected hard LOCKUP", "A CPU stopped taking timer interrupts for longer than the hard-lockup threshold (the NMI watchdog fired) and hard-lockup panics are enabled."),
        new("RCU Stall", "An RCU stall was detected and kernel.panic_on_rcu_stall is set."),
        new("panic_on_warn set", "A WARNING was printed and kernel.panic_on_warn is set, so the warning itself brought the machine down."),
        new("kasan.fault=panic", "KASAN found a bad memory access and kasan.fault=panic is set."),
        new("panic_on_taint set", "The kernel acquired a taint listed in panic_on_taint."),
        // kernel/exit.c
        new("Attempted to kill init!", "PID 1 (init/systemd) exited or was killed; the exit code shows why (0x00000009: SIGKILL, 0x0000000b: SIGSEGV, 0x00007f00: exit 127, often a broken root filesystem or missing libraries). The kernel cannot run without init."),
        new("Attempted to kill the idle task!", "The idle task (PID 0) died, usually after an oops in early boot or in the idle loop."),
        new("Aiee, killing interrupt handler!", "An oops killed the task while in interrupt context (older kernels' do_exit() check)."),
        // mm/oom_kill.c
        new("Out of memory", "Memory ran out and vm.panic_on_oom is set (or there was no process left to kill)."),
        new("System is deadlocked on memory", "Memory ran out and the OOM killer found no process it could kill."),
        // init/do_mounts.c, init/main.c
        new("VFS: Unable to mount root fs", "The root filesystem could not be mounted: wrong root= or rootfstype=, or a missing storage or filesystem driver in the initramfs."),
        new("No working init found", "No init program could be executed from the root filesystem (init=, /sbin/init, /etc/init, /bin/init, /bin/sh all failed)."),
        new("No init found", "No init program could be executed from the root filesystem."),
        new("Requested init", "The init= program given on the command line could not be executed."),
        // kernel/panic.c __stack_chk_fail()
        new("stack-protector: Kernel stack is corrupted in", "The stack canary of the named function was overwritten: a stack buffer overflow in that function or something it called."),
        new("corrupted stack end detected inside scheduler", "The magic word at the end of a task's stack was overwritten: a kernel stack overflow."),
        // arch/x86/kernel/cpu/mce, drivers/acpi/apei/ghes.c
        new("Fatal machine check", "The CPU reported an uncorrectable hardware error (machine check): a hardware fault (memory, cache, bus), not a software bug."),
        new("Fatal Machine check", "The CPU reported an uncorrectable hardware error (machine check): a hardware fault, not a software bug."),
        new("Machine check", "The CPU reported an uncorrectable hardware error (machine check): a hardware fault, not a software bug."),
        new("Fatal hardware error", "Firmware (APEI/GHES) reported a fatal hardware error: a hardware fault, not a software bug."),
        // arch/x86/kernel/nmi.c, drivers/watchdog/hpwdt.c
        new("NMI IOCK error", "An NMI reported an I/O channel check (a PCI/bus error) and kernel.panic_on_io_nmi is set."),
        new("NMI: Not continuing", "An unknown or unrecovered NMI arrived and kernel.unknown_nmi_panic or panic_on_unrecovered_nmi is set; servers send one when the BMC or a watchdog asks for a crash."),
        new("An NMI occurred", "The hp watchdog (hpwdt) received an NMI from the iLO (a hardware error or a requested crash); see the Integrated Management Log."),
        new("hpwdt", "The hp watchdog (hpwdt) received an NMI from the iLO; see the Integrated Management Log."),
        new("Kernel stack overflow", "The kernel stack ran past its guard page."),
        new("sysrq triggered crash", "Someone asked for a crash with SysRq-c (echo c > /proc/sysrq-trigger), usually to test kdump."),
        new("LOCKUP", "A lockup detector fired and is configured to panic."),
    ];

    public static PanicReason? Find(string reason)
    {
        var text = reason.Trim();
        foreach (var row in All)
        {
            if (text.StartsWith(row.Prefix, StringComparison.OrdinalIgnoreCase))
                return row;
        }
        return null;
    }
}
