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
        new("do_wait_for_common", "completion internals; wait_for_completion names the wait"),
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
