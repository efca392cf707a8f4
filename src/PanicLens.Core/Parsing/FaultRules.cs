namespace PanicLens.Parsing;

/// <summary>How the faulting function is read off a report, by the first line naming the kind of crash.</summary>
internal enum FaultRule
{
    /// <summary>The instruction pointer (oops, paging request, GPF, BUG at, MCE); frames when none was printed.</summary>
    Ip,
    /// <summary>The function in the WARNING line, then the instruction pointer.</summary>
    Warning,
    /// <summary>The function the header names (`BUG: KASAN: ... in f`), then frames.</summary>
    Header,
    /// <summary>The first task frame that is not scheduler, lock or wait plumbing.</summary>
    HungTask,
    /// <summary>Where the CPU was spinning: the instruction pointer, then frames.</summary>
    Lockup,
    /// <summary>
    /// As <see cref="Lockup"/>, for a picture an NMI took: the interrupt sections of its trace are work the CPU was
    /// doing (a timer softirq spinning on a lock), not the watchdog interrupt that printed a soft lockup.
    /// </summary>
    NmiBacktrace,
    /// <summary>The first frame that does not only report the problem (panic, might_sleep, slab checks).</summary>
    Frames,
    /// <summary>The first frame above the allocator: the caller whose request failed.</summary>
    Allocation,
    /// <summary>Lockdep: the function that takes the lock (its first `at:` site outside the lock primitives).</summary>
    Lockdep,
}

internal static class FaultRules
{
    internal sealed record Row(string Literal, FaultRule Rule, string Why);

    public static readonly Row[] Rows =
    [
        new("blocked for more than", FaultRule.HungTask, "kernel/hung_task.c: the task waits, nothing faulted"),
        new("soft lockup", FaultRule.Lockup, "kernel/watchdog.c: RIP shows where the CPU spins"),
        new("hard LOCKUP", FaultRule.Lockup, "kernel/watchdog_hld.c"),
        new("detected stall", FaultRule.Lockup, "RCU stall: the NMI backtrace's RIP"),
        new("self-detected stall", FaultRule.Lockup, "RCU stall on the reporting CPU"),
        new("NMI backtrace for cpu", FaultRule.NmiBacktrace, "lib/nmi_backtrace.c, printed for stalls and lockups"),
        new("possible circular locking dependency", FaultRule.Lockdep, "kernel/locking/lockdep.c print_circular_bug_header"),
        new("possible recursive locking", FaultRule.Lockdep, "lockdep print_deadlock_bug"),
        new("lock order detected", FaultRule.Lockdep, "lockdep print_bad_irq_dependency: SOFTIRQ-safe -> SOFTIRQ-unsafe"),
        new("possible irq lock inversion", FaultRule.Lockdep, "lockdep print_irq_inversion_bug"),
        new("inconsistent lock state", FaultRule.Lockdep, "lockdep print_usage_bug"),
        new("bad unlock balance", FaultRule.Lockdep, "lockdep print_unlock_imbalance_bug: the site releasing the lock"),
        new("held lock freed", FaultRule.Lockdep, "lockdep print_freed_lock_bug"),
        new("still has locks held", FaultRule.Lockdep, "lockdep print_held_locks_bug: where the held lock was taken"),
        new("lock held when returning to user space", FaultRule.Lockdep, "lockdep lockdep_sys_exit: where the held lock was taken"),
        new("WARNING:", FaultRule.Warning, "__warn prints the location function itself"),
        new("BUG: KASAN:", FaultRule.Header, "KASAN names the accessing function"),
        new("BUG: KMSAN:", FaultRule.Header, "KMSAN names the function"),
        new("BUG: KFENCE:", FaultRule.Header, "KFENCE names the function"),
        new("BUG: KCSAN:", FaultRule.Header, "KCSAN names the racing functions"),
        new("BUG: using smp_processor_id() in preemptible", FaultRule.Header, "lib/smp_processor_id.c: `caller is %pS` names the caller"),
        new("BUG: using __this_cpu_", FaultRule.Header, "lib/smp_processor_id.c: `caller is %pS` names the caller"),
        new("BUG: unable to handle", FaultRule.Ip, "x86 page fault in kernel mode"),
        new("Unable to handle kernel", FaultRule.Ip, "arm/arm64/ppc kernel page fault"),
        new("BUG: kernel NULL pointer dereference", FaultRule.Ip, "x86 since 5.1"),
        new("general protection fault", FaultRule.Ip, "x86 #GP"),
        new("kernel BUG at", FaultRule.Ip, "BUG(): invalid opcode at the BUG site"),
        new("Xen BUG at", FaultRule.Ip, "Xen BUG(): RIP is the BUG site"),
        new("Internal error:", FaultRule.Ip, "arm/arm64 die()"),
        new("Oops:", FaultRule.Ip, "die()"),
        new("invalid opcode:", FaultRule.Ip, "x86 #UD"),
        new("divide error:", FaultRule.Ip, "x86 #DE"),
        new("Machine Check Exception", FaultRule.Ip, "mce: the RIP of the interrupted code"),
        new("Kernel stack is corrupted in: ", FaultRule.Header,
            "kernel/panic.c __stack_chk_fail: `stack-protector: Kernel stack is corrupted in: %pB` names the function whose canary broke"),
        new("Kernel panic - not syncing", FaultRule.Frames, "panic(): its caller, not the interrupted RIP"),
        new("BUG: sleeping function called", FaultRule.Frames, "__might_sleep: the caller of the sleeping function"),
        new("BUG: scheduling while atomic", FaultRule.Frames, "__schedule_bug"),
        new("unreferenced object", FaultRule.Allocation, "mm/kmemleak.c: the leaked object's allocator is named by its caller"),
        new("BUG: memory leak", FaultRule.Allocation, "syzkaller's kmemleak header: as above"),
        new("page allocation failure", FaultRule.Allocation, "mm/page_alloc.c warn_alloc: the caller asked for what the allocator could not give"),
        new("Objects remaining", FaultRule.Frames, "SLUB kmem_cache_close: the cache's destroyer"),
        new("Poison overwritten", FaultRule.Frames, "SLUB check_bytes_and_report"),
        new("BUG: Bad page", FaultRule.Frames, "mm bad_page"),
        new("BUG: spinlock", FaultRule.Frames, "spinlock debug"),
    ];

    private static readonly PanicLens.Text.LiteralSet Literals = new(Rows.Select(row => row.Literal));

    public static FaultRule? Find(string text)
    {
        if (!Literals.FoundIn(text))
            return null;
        foreach (var row in Rows)
            if (text.Contains(row.Literal, StringComparison.Ordinal))
                return row.Rule;
        return null;
    }
}
