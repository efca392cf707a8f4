namespace PanicLens.Parsing;

/// <summary>
/// Frames passed over when reading the faulting function off a trace. A row ending in `*` matches a prefix.
/// These tables describe what an engineer skips by eye; the syzbot title convention has its own (Signatures).
/// </summary>
internal static class SkippedFrames
{
    internal sealed record Row(string Name, string Why);

    /// <summary>Frames that only report or propagate a problem.</summary>
    public static readonly Row[] Reporting =
    [
        new("dump_stack*", "prints the trace"),
        new("__dump_stack", "prints the trace"),
        new("show_stack", "prints the trace"),
        new("dump_backtrace", "arm/arm64 unwinder"),
        new("unwind_backtrace", "arm unwinder"),
        new("show_trace_log_lvl", "prints the trace"),
        new("panic", "panic() itself"),
        new("__warn", "WARN machinery"),
        new("warn_slowpath*", "WARN machinery"),
        new("report_bug", "BUG/WARN machinery"),
        new("__might_sleep", "might_sleep check"),
        new("___might_sleep", "might_sleep check"),
        new("__might_fault", "might_fault check"),
        new("might_fault", "might_fault check"),
        new("__schedule_bug", "scheduling-while-atomic report"),
        new("slab_err", "SLUB report"),
        new("kmem_cache_close", "SLUB cache teardown that found the objects"),
        new("kmem_cache_destroy", "SLUB cache teardown that found the objects"),
        new("print_address_description*", "KASAN report"),
        new("kasan_report*", "KASAN report"),
        new("__kasan_report", "KASAN report"),
        new("__asan_*", "KASAN instrumentation"),
        new("check_memory_region*", "KASAN instrumentation"),
        new("check_preemption_disabled", "lib/smp_processor_id.c: reports a this_cpu/smp_processor_id use by its caller"),
        new("debug_smp_processor_id", "lib/smp_processor_id.c: CONFIG_DEBUG_PREEMPT check of its caller"),
        new("__this_cpu_preempt_check", "lib/smp_processor_id.c: CONFIG_DEBUG_PREEMPT check of its caller"),
        new("ubsan_epilogue", "lib/ubsan.c: prints the report"),
        new("__ubsan_handle_*", "lib/ubsan.c: the check that found its caller's bug"),
        new("__list_del_entry_valid*", "lib/list_debug.c: CONFIG_DEBUG_LIST check of its caller's list (`_or_report` since 6.6)"),
        new("__list_add_valid*", "lib/list_debug.c: CONFIG_DEBUG_LIST check of its caller's list (`_or_report` since 6.6)"),
        new("assfail", "fs/xfs/xfs_message.c: XFS ASSERT() failure, raised for its caller"),
        new("asswarn", "fs/xfs/xfs_message.c: XFS ASSERT() warning"),
        new("bad_page", "mm/page_alloc.c: reports a page its caller found bad"),
        new("usercopy_abort", "mm/usercopy.c: hardened usercopy reports its caller's copy"),
        new("usercopy_warn", "mm/usercopy.c: hardened usercopy reports its caller's copy"),
        new("__check_object_size", "mm/usercopy.c: hardened usercopy check"),
        new("check_heap_object", "mm/usercopy.c: hardened usercopy check"),
        new("__check_heap_object", "mm/slub.c: hardened usercopy check"),
        new("refcount_warn_saturate", "lib/refcount.c: reports its caller's refcount misuse"),
        new("__warn_printk", "WARN() message printing"),
        new("debug_print_object", "lib/debugobjects.c: ODEBUG reports its caller's misuse"),
        new("check_flags", "kernel/locking/lockdep.c: irq-state consistency check"),
        new("lockdep_*", "kernel/locking/lockdep.c internals"),
        new("__lock_acquire*", "kernel/locking/lockdep.c internals"),
        new("lock_acquire*", "kernel/locking/lockdep.c hook"),
        new("lock_release", "kernel/locking/lockdep.c hook"),
        new("mark_lock*", "kernel/locking/lockdep.c internals"),
        new("print_usage_bug*", "kernel/locking/lockdep.c report"),
        new("valid_state", "kernel/locking/lockdep.c internals"),
        new("fortify_panic", "lib/string_helpers.c: FORTIFY_SOURCE reports its caller's overflow"),
        new("__fortify_report", "FORTIFY_SOURCE report"),
        new("__stack_chk_fail", "stack protector: reports the function whose canary was overwritten"),
    ];

    /// <summary>
    /// Where a CPU spins on a lock (or re-enables interrupts after one): a lockup or stall there names the lock, not the
    /// code that holds or wants it; the engineer reads the first caller above these.
    /// </summary>
    public static readonly Row[] Spinning =
    [
        new("native_queued_spin_lock_slowpath*", "x86 qspinlock slow path (kernel/locking/qspinlock.c)"),
        new("queued_spin_lock_slowpath*", "qspinlock slow path"),
        new("__pv_queued_spin_lock_slowpath*", "paravirt qspinlock slow path"),
        new("queued_read_lock_slowpath", "qrwlock slow path"),
        new("queued_write_lock_slowpath", "qrwlock slow path"),
        new("_raw_spin_*", "spinlock API (kernel/locking/spinlock.c)"),
        new("_raw_read_*", "rwlock API"),
        new("_raw_write_*", "rwlock API"),
        new("__raw_spin_*", "spinlock inline bodies"),
        new("do_raw_spin_*", "CONFIG_DEBUG_SPINLOCK spinlock body"),
        new("do_raw_read_*", "CONFIG_DEBUG_SPINLOCK rwlock body"),
        new("do_raw_write_*", "CONFIG_DEBUG_SPINLOCK rwlock body"),
        new("arch_spin_*", "architecture spinlock"),
        new("arch_read_*", "architecture rwlock"),
        new("arch_write_*", "architecture rwlock"),
        new("__ticket_spin_*", "2.6/3.x ticket spinlock"),
        new("_spin_lock*", "2.6-era spinlock API"),
        new("_spin_unlock*", "2.6-era spinlock API"),
        new("spin_lock*", "spinlock wrappers"),
        new("spin_unlock*", "spinlock wrappers"),
        new("lock_acquire*", "lockdep hook around the lock"),
        new("lock_release", "lockdep hook around the unlock"),
        new("__lock_acquire*", "lockdep"),
        new("cpu_relax", "the spin loop's pause"),
        new("delay_tsc", "a busy-wait delay"),
        new("__const_udelay", "a busy-wait delay"),
    ];

    /// <summary>
    /// Interrupt and NMI entry: in a lockup or stall trace the frames up to these belong to the interrupt that reported
    /// it (watchdog timer, NMI backtrace); the interrupted code, the one that spins, is printed after them.
    /// </summary>
    public static readonly Row[] InterruptEntry =
    [
        new("apic_timer_interrupt", "x86 local timer interrupt entry (to 5.7)"),
        new("smp_apic_timer_interrupt", "x86 local timer interrupt"),
        new("sysvec_apic_timer_interrupt", "x86 local timer interrupt (5.8+)"),
        new("__sysvec_apic_timer_interrupt", "x86 local timer interrupt (5.8+)"),
        new("asm_sysvec_*", "x86 system vector entry (5.8+)"),
        new("asm_call_on_stack", "x86 irq stack switch (5.8-5.10)"),
        new("asm_call_irq_on_stack", "x86 irq stack switch"),
        new("asm_call_sysvec_on_stack", "x86 irq stack switch"),
        new("asm_common_interrupt", "x86 device interrupt entry"),
        new("common_interrupt", "x86 device interrupt entry"),
        new("ret_from_intr", "x86 interrupt return (to 5.7)"),
        new("end_repeat_nmi", "x86 NMI entry"),
        new("asm_exc_nmi", "x86 NMI entry"),
        new("exc_nmi", "x86 NMI entry"),
        new("do_nmi", "x86 NMI entry"),
        new("el1_interrupt", "arm64 interrupt entry"),
        new("el1h_64_irq*", "arm64 interrupt entry"),
        new("el1_irq", "arm64 interrupt entry (to 5.11)"),
        new("gic_handle_irq", "arm/arm64 GIC interrupt dispatch"),
        new("__irq_svc", "arm32 interrupt entry"),
        new("do_IRQ", "interrupt dispatch"),
        new("decrementer_common*", "powerpc timer interrupt entry"),
        new("timer_interrupt", "powerpc timer interrupt"),
    ];

    /// <summary>The allocator under a failed allocation (`page allocation failure`): the caller asked for too much.</summary>
    public static readonly Row[] Allocating =
    [
        new("warn_alloc*", "mm/page_alloc.c: prints the failure"),
        new("__alloc_pages*", "page allocator"),
        new("alloc_pages*", "page allocator"),
        new("__get_free_pages", "page allocator"),
        new("__folio_alloc*", "folio allocator"),
        new("folio_alloc*", "folio allocator"),
        new("kmalloc*", "slab front end"),
        new("__kmalloc*", "slab front end"),
        new("kmem_cache_alloc*", "slab front end"),
        new("kmalloc_order*", "large kmalloc goes to the page allocator"),
        new("kmalloc_large*", "large kmalloc goes to the page allocator"),
        new("___slab_alloc", "SLUB slow path"),
        new("__slab_alloc*", "SLUB slow path"),
        new("allocate_slab", "SLUB new slab"),
        new("new_slab", "SLUB new slab"),
        new("cache_grow*", "SLAB new slab"),
        new("kvmalloc*", "kmalloc-or-vmalloc front end"),
        new("__kvmalloc*", "kmalloc-or-vmalloc front end"),
        new("__vmalloc*", "vmalloc"),
        new("vmalloc*", "vmalloc"),
        new("krealloc*", "slab resize"),
        new("kzalloc*", "slab front end"),
        new("kcalloc*", "slab front end"),
        new("kmemleak_*", "mm/kmemleak.c hooks record the allocation"),
        new("slab_post_alloc_hook", "slab allocation hook (kmemleak, KASAN, memcg)"),
        new("slab_alloc*", "slab allocation body"),
        new("__kmem_cache_alloc*", "slab allocation body"),
        new("__do_kmalloc*", "slab front end"),
        new("kstrdup*", "string copy into a new allocation"),
        new("kmemdup*", "memory copy into a new allocation"),
        new("__alloc_skb", "skb allocator"),
        new("alloc_skb*", "skb allocator"),
        new("__alloc_percpu*", "per-cpu allocator"),
        new("pcpu_alloc*", "per-cpu allocator"),
    ];

    /// <summary>Scheduler, lock and wait plumbing under a hung task; the first frame after it says what it waits for.</summary>
    public static readonly Row[] Waiting =
    [
        new("__schedule", "scheduler"),
        new("schedule", "scheduler"),
        new("schedule_timeout*", "scheduler"),
        new("schedule_preempt_disabled", "scheduler"),
        new("io_schedule*", "scheduler, I/O accounting"),
        new("__switch_to*", "context switch"),
        new("__mutex_lock*", "mutex slow path"),
        new("mutex_lock*", "mutex"),
        new("__mutex_lock_slowpath", "mutex slow path"),
        new("rwsem_down_*", "rwsem slow path"),
        new("call_rwsem_down_*", "rwsem slow path (asm thunk)"),
        new("down_read*", "rwsem"),
        new("down_write*", "rwsem"),
        new("down", "semaphore"),
        new("__down*", "semaphore slow path"),
        new("sleep_on_page*", "page wait helper (3.x)"),
        new("__wait_on_bit*", "bit wait helper"),
        new("out_of_line_wait_on_bit*", "bit wait helper"),
        new("bit_wait*", "bit wait helper"),
        new("__lock_page*", "page lock slow path"),
        new("rt_mutex_slowlock*", "rt mutex"),
        new("__rt_mutex_slowlock*", "rt mutex"),
        new("_raw_spin_lock*", "spinlock"),
        new("native_queued_spin_lock_slowpath", "spinlock"),
        new("__folio_lock*", "folio lock slow path"),
        new("__wait_on_bit_lock", "bit lock wait"),
        new("out_of_line_wait_on_bit_lock", "bit lock wait"),
        new("__wait_on_buffer", "buffer-head lock wait"),
        new("ww_mutex_lock*", "wound/wait mutex"),
        new("__ww_mutex_lock*", "wound/wait mutex"),
        new("percpu_down_*", "percpu rwsem"),
        new("percpu_rwsem_wait", "percpu rwsem"),
        new("rt_mutex_*", "rt mutex"),
        new("do_wait_for_common", "completion internals; wait_for_completion names the wait (the hand-read label of a 3.10 hung task)"),
        new("context_switch", "kernel/sched/core.c, inlined into __schedule; decode_stacktrace prints it as a frame"),
        new("preempt_schedule*", "kernel/sched/core.c preemption points"),
        new("schedule_hrtimeout*", "kernel/time/hrtimer.c sleeping helpers"),
        new("usleep_range*", "kernel/time/sleep_timeout.c: a timed sleep; its caller polls"),
        new("msleep*", "kernel/time/sleep_timeout.c: a timed sleep; its caller polls"),
        new("__wait_for_common", "completion internals"),
        new("wait_for_common*", "completion internals"),
    ];

    public static bool Contains(Row[] table, string function)
    {
        foreach (var row in table)
        {
            if (row.Name.EndsWith('*')
                ? function.StartsWith(row.Name.AsSpan(0, row.Name.Length - 1), StringComparison.Ordinal)
                : function.Equals(row.Name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
