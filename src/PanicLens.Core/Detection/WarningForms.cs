namespace PanicLens.Detection;

/// <summary>
/// How the kernel's own `WARNING:` lines continue (kernel/panic.c __warn, kernel/locking/lockdep.c, kernel/rcu).
/// A `WARNING:` followed by free text is only taken for the kernel's when the console stamped it with printk time:
/// boot firmware (coreboot: `WARNING: RO_VPD is uninitialized or empty.`) and user space print free-text
/// warnings on the same serial line, without one. The kernel prints no `WARNING: ODEBUG` or `WARNING: refcount`:
/// debugobjects and refcount_t WARN with `WARNING: CPU: ...` and say `ODEBUG: ...`, `refcount_t: ...` below it;
/// `WARNING: ODEBUG bug in f` and `WARNING: refcount bug in f` are syzbot's titles.
/// </summary>
public static class WarningForms
{
    public static readonly string[] KernelStarts =
    [
        "CPU:",                 // __warn since 4.x: WARNING: CPU: 1 PID: 2 at file:line func
        "at ",                  // 2.6/3.x: WARNING: at file:line func()
        "at",                   // abrt's typo'd `WARNING: atarch/x86/...` survives too
        "possible ",            // lockdep: circular locking dependency, recursive locking, irq lock inversion
        "suspicious RCU usage",
        "inconsistent lock state",
        "bad unlock balance",
        "held lock freed",
        "still has locks held",
        "lock held when returning",
        "Nested lock",
        "nested lock",
        "kernel stack ",        // unwinder: kernel stack regs / frame pointer has bad value
        "SOFTIRQ-",
        "HARDIRQ-",
        "SOFTIRQ-safe",
        "HARDIRQ-safe",
    ];

    /// <summary>True when the text after `WARNING: ` is one of the kernel's own continuations.</summary>
    public static bool IsKernelForm(ReadOnlySpan<char> afterHeader)
    {
        var rest = afterHeader.TrimStart(' ');
        foreach (var start in KernelStarts)
            if (rest.StartsWith(start, StringComparison.Ordinal))
                return true;
        // lockdep print_held_locks_bug: `WARNING: comm/pid still has locks held!`.
        return IsSourceAt(rest) || rest.EndsWith(" still has locks held!", StringComparison.Ordinal);
    }

    /// <summary>
    /// __warn since 6.17: `WARNING: kernel/workqueue.c:2271 at __queue_work+0xd20/0xf90, CPU#1: comm/pid`: a source
    /// file, a colon and a line number, then ` at `, and the line names the CPU and task. A poster's trim or a mail
    /// client's wrap may leave only `WARNING: mm/x.c:410 at` or `... at func [mod]`: then the file must be a kernel source
    /// (`.c`, `.h`, `.rs`, `.S`; `config.txt:12 at boot` is a tool's) and nothing but one function (and its module) may follow `at`.
    /// </summary>
    private static bool IsSourceAt(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimEnd();
        int space = rest.IndexOf(' ');
        if (space < 4 || !(rest[space..].StartsWith(" at ", StringComparison.Ordinal) || rest[space..] is " at"))
            return false;
        var location = rest[..space];
        int colon = location.LastIndexOf(':');
        int dot = location.LastIndexOf('.');
        if (!(dot > 0 && colon > dot + 1 && colon + 1 < location.Length && location[(colon + 1)..].IndexOfAnyExceptInRange('0', '9') < 0))
            return false;
        if (rest.Contains(", CPU#", StringComparison.Ordinal))
            return true;
        var extension = location[(dot + 1)..colon];
        if (extension is not ("c" or "h" or "rs" or "S"))
            return false;
        var after = rest[Math.Min(rest.Length, space + 4)..];
        var blank = after.IndexOf(' ');
        // One function, and at most its module: `func+0x9e/0xd0 [ath12k]`.
        return blank < 0 || (after[(blank + 1)..] is [ '[', .., ']' ] module && module.IndexOf(' ') < 0);
    }
}
