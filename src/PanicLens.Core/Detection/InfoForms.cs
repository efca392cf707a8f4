namespace PanicLens.Detection;

/// <summary>
/// How the kernel's own `INFO:` lines continue. Unlike `WARNING:`, the kernel prints `INFO:` only at a few sites, each
/// with a fixed wording, so a line is taken for the kernel's only in one of them, stamped or not: test harnesses write
/// their `INFO: creating /lkp/...` progress to the console and to /dev/kmsg (where it gets a printk stamp), and syzbot's
/// titles (`INFO: task hung in f`, `INFO: rcu detected stall in f`, pkg/report/linux.go's `fmt`) stand in mail subjects
/// and prose; neither is a kernel form.
/// </summary>
public static class InfoForms
{
    public static readonly (string Start, string Source)[] KernelStarts =
    [
        ("rcu_", "kernel/rcu/tree_stall.h, tree_exp.h, tasks.h: `INFO: %s detected stalls on CPUs/tasks:`, `self-detected stall on CPU`, `detected expedited stalls`, `rcu_tasks detected stalls on tasks:` (%s is rcu_sched, rcu_preempt, rcu_bh)"),
        ("RCU detected CPU", "kernel/rcuclassic.c (2.6.2x): `INFO: RCU detected CPU %d stall`, `RCU detected CPU stalls:`"),
        ("possible ", "kernel/locking/lockdep.c before 4.x: `[ INFO: possible circular locking dependency detected ]`, recursive locking, irq lock inversion"),
        ("inconsistent lock state", "lockdep.c before 4.x: `[ INFO: inconsistent lock state ]`"),
        ("SOFTIRQ-", "lockdep.c before 4.x: `[ INFO: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected ]`"),
        ("HARDIRQ-", "lockdep.c before 4.x: `[ INFO: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected ]`"),
        ("RECLAIM_FS-", "lockdep.c 3.x: `[ INFO: RECLAIM_FS-safe -> RECLAIM_FS-unsafe lock order detected ]`"),
        ("suspicious ", "lockdep.c lockdep_rcu_suspicious(): `INFO: suspicious RCU usage.` (2.6.3x: `suspicious rcu_dereference_check() usage.`)"),
        ("held lock freed", "lockdep.c before 4.x: `[ INFO: held lock freed! ]`"),
        ("lock held when returning", "lockdep.c before 4.x: `[ INFO: lock held when returning to user space! ]`"),
        ("trying to register non-static key", "lockdep.c register_lock_class() via assign_lock_key()"),
        ("Allocated in ", "mm/slub.c print_track(): `INFO: %s in %pS age=%lu cpu=%u pid=%d`"),
        ("Freed in ", "mm/slub.c print_track()"),
        ("Slab ", "mm/slub.c print_slab_info(): `INFO: Slab 0x%p objects=%u used=%u fp=0x%p flags=...`"),
        ("Object ", "mm/slub.c print_trailer(): `INFO: Object 0x%p @offset=%tu fp=0x%p`"),
        ("0x", "mm/slub.c check_bytes_and_report(): `INFO: 0x%p-0x%p @offset=%tu. First byte 0x%x instead of 0x%x`"),
    ];

    /// <summary>
    /// True when the text after `INFO:` is one of the kernel's own continuations: a row of <see cref="KernelStarts"/>,
    /// kernel/hung_task.c's `task %s:%d blocked for more than`, `task %s:%d can't die`, `task %s:%d is blocked on a mutex`
    /// (a task then its pid: syzbot's `task hung in f` has none), or nothing (a line cut after the header). A comm may hold
    /// a newline (PR_SET_NAME takes any bytes, fuzzers set them): then the line ends within the comm's 15 characters and
    /// <paramref name="nextLine"/> goes on with `:pid blocked` or `:pid can't die`.
    /// </summary>
    public static bool IsKernelForm(ReadOnlySpan<char> afterHeader, string? nextLine = null)
    {
        var rest = afterHeader.TrimStart(" \t");
        if (rest.IsWhiteSpace())
            return true;
        foreach (var (start, _) in KernelStarts)
            if (rest.StartsWith(start, StringComparison.Ordinal))
                return true;
        if (!rest.StartsWith("task ", StringComparison.Ordinal))
            return false;
        if (HasTaskPid(rest[5..]))
            return true;
        return rest.Length - 5 <= MaxComm && nextLine is not null && ContinuesComm(nextLine);
    }

    /// <summary>TASK_COMM_LEN is 16 bytes with the terminating zero.</summary>
    private const int MaxComm = 15;

    private static bool ContinuesComm(string line)
    {
        foreach (var verb in (ReadOnlySpan<string>)[" blocked for more than ", " can't die for more than "])
        {
            var at = line.IndexOf(verb, StringComparison.Ordinal);
            if (at > 0 && HasTaskPid(line.AsSpan(0, at + 1), from: 0))
                return true;
        }
        return false;
    }

    /// <summary>`comm:pid` within the first words (from <paramref name="from"/> on: the rest of a comm cut by a newline may be empty) (a comm may hold blanks, `kworker/0:1` a colon of its own).</summary>
    private static bool HasTaskPid(ReadOnlySpan<char> text, int from = 1)
    {
        var limit = Math.Min(text.Length, 80);
        for (var i = from; i + 1 < limit; i++)
            if (text[i] == ':' && char.IsAsciiDigit(text[i + 1]))
            {
                var j = i + 1;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                    j++;
                if (j == text.Length || text[j] is ' ' or '\t')
                    return true;
            }
        return false;
    }
}
