using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Picks the function an engineer names as the fault: the instruction pointer of an oops, the WARNING's function, the
/// first frame of a hung task past scheduler and lock plumbing, the caller of panic(). See <see cref="FaultRules"/>.
/// A fault whose instruction pointer holds no symbol and whose trace is not printed (a call through a bad function
/// pointer: `pc : 0x0`, execute from non-executable memory) is named by the link register: arm's BL/BLX, arm64's BLR,
/// riscv's JALR and ppc's bctrl put the return address into the caller there.
/// </summary>
internal static class FaultingFunction
{
    public static Frame? Pick(ReportDraft draft, FaultRule rule)
    {
        var report = draft.Report;
        return rule switch
        {
            FaultRule.Warning => Own(draft.HeaderFrame ?? report.Ip) ?? FirstFrame(report, SkippedFrames.Reporting) ?? draft.HeaderFrame ?? report.Ip,
            FaultRule.Header => draft.HeaderFrame ?? FirstFrame(report, SkippedFrames.Reporting),
            FaultRule.HungTask => FirstFrame(report, SkippedFrames.Waiting),
            FaultRule.Frames => FirstFrame(report, SkippedFrames.Reporting),
            FaultRule.Allocation => FirstFrame(report, SkippedFrames.Allocating),
            FaultRule.Lockdep => draft.LockSite ?? FirstFrame(report, SkippedFrames.Spinning) ?? report.Ip,
            FaultRule.Lockup => Spinner(report, byTimer: true) ?? report.Ip ?? FirstFrame(report, SkippedFrames.Reporting),
            FaultRule.NmiBacktrace => Spinner(report, byTimer: false) ?? report.Ip ?? FirstFrame(report, SkippedFrames.Reporting),
            _ => Own(report.Ip) ?? FirstFrame(report, SkippedFrames.Reporting) ?? report.Ip ?? draft.LinkFrame,
        };
    }

    /// <summary>
    /// The frame, or null when it is a check or reporting helper that speaks for its caller: BUG() or WARN() fired in
    /// `__list_del_entry_valid`, a UBSAN handler, `refcount_warn_saturate` on its caller's behalf, and the engineer
    /// names the caller.
    /// </summary>
    private static Frame? Own(Frame? frame) =>
        frame is not null && SkippedFrames.Contains(SkippedFrames.Reporting, Normalize(frame.Function)) ? null : frame;

    /// <summary>
    /// A lockup or stall names where the CPU spins: its instruction pointer, unless that is a lock primitive, when the
    /// engineer reads the first caller above the lock. The interrupted code's frames come after the interrupt entry
    /// (watchdog timer or NMI) that printed the report. Null when the pointer is not in a lock or no caller is printed.
    /// </summary>
    private static Frame? Spinner(CrashReport report, bool byTimer)
    {
        if (report.Ip is not { } ip || !SkippedFrames.Contains(SkippedFrames.Spinning, Normalize(ip.Function)))
            return null;
        return Caller(report, byTimer, reliableOnly: true) ?? Caller(report, byTimer, reliableOnly: false);
    }

    /// <summary>
    /// The first caller above the lock. When a timer interrupt printed the report (<paramref name="byTimer"/>), the
    /// frames up to its entry are the watchdog's own and the spinner is read after it.
    /// </summary>
    private static Frame? Caller(CrashReport report, bool byTimer, bool reliableOnly)
    {
        bool afterEntry = !byTimer || !HasInterruptEntry(report);
        foreach (var stack in report.Stacks)
        {
            if (stack.Kind is StackKind.Allocation or StackKind.Free or StackKind.Other)
                continue;
            foreach (var frame in stack.Frames)
            {
                var name = Normalize(frame.Function);
                if (SkippedFrames.Contains(SkippedFrames.InterruptEntry, name))
                {
                    afterEntry = true;
                    continue;
                }
                if (!afterEntry || (reliableOnly ? !frame.Reliable : IsStale(frame)) || name.StartsWith("0x", StringComparison.Ordinal)
                    || SkippedFrames.Contains(SkippedFrames.Spinning, name) || SkippedFrames.Contains(SkippedFrames.Reporting, name))
                    continue;
                return frame;
            }
        }
        return null;
    }

    /// <summary>Whether a lockdep `at:` site is only a lock primitive (`_raw_spin_lock`, `mutex_lock_nested`, `down_write`).</summary>
    public static bool IsLockPrimitive(Frame frame)
    {
        var name = Normalize(frame.Function);
        return SkippedFrames.Contains(SkippedFrames.Spinning, name) || SkippedFrames.Contains(SkippedFrames.Waiting, name);
    }

    private static bool HasInterruptEntry(CrashReport report)
    {
        foreach (var stack in report.Stacks)
            foreach (var frame in stack.Frames)
                if (frame.Reliable && SkippedFrames.Contains(SkippedFrames.InterruptEntry, Normalize(frame.Function)))
                    return true;
        return false;
    }

    /// <summary>
    /// The first frame of the task stacks not in <paramref name="skipped"/> (nor in the reporting table), reliable
    /// frames first. When all are `?`, stale entries are passed over too: `f+0x0/0x..` is a function pointer and
    /// `f+0x60/0x60` a return address past a function's end, neither a call in progress.
    /// </summary>
    private static Frame? FirstFrame(CrashReport report, SkippedFrames.Row[] skipped)
    {
        return Scan(report, skipped, reliableOnly: true) ?? Scan(report, skipped, reliableOnly: false);
    }

    private static Frame? Scan(CrashReport report, SkippedFrames.Row[] skipped, bool reliableOnly)
    {
        foreach (var stack in report.Stacks)
        {
            if (stack.Kind is StackKind.Allocation or StackKind.Free or StackKind.Other)
                continue;
            foreach (var frame in stack.Frames)
            {
                if (reliableOnly ? !frame.Reliable : IsStale(frame))
                    continue;
                if (frame.Function.StartsWith("0x", StringComparison.Ordinal))
                    continue;
                var name = Normalize(frame.Function);
                if (SkippedFrames.Contains(skipped, name) || SkippedFrames.Contains(SkippedFrames.Reporting, name))
                    continue;
                return frame;
            }
        }
        return null;
    }

    private static bool IsStale(Frame frame) =>
        frame.Offset is "0" || (frame.Offset is not null && frame.Offset == frame.Size);

    /// <summary>
    /// The name as engineers write it: Xen's file-qualified statics (`spinlock.c#check_lock`) lose the file, ppc64 ELFv1
    /// dot symbols (`.eeh_handle_event`) their dot, and compiler clones (`.isra.0`, `.constprop.3`, `.part.5`, `.cold`,
    /// `.llvm.123`) their suffix: C identifiers hold no dots, so everything from the first one on was added by GCC or clang.
    /// </summary>
    public static string Normalize(string function)
    {
        int hash = function.IndexOf('#');
        var name = hash >= 0 && hash + 1 < function.Length ? function.AsSpan(hash + 1) : function.AsSpan();
        name = name.TrimStart('.');
        int dot = name.IndexOf('.');
        if (dot > 0)
            name = name[..dot];
        return name.Length == function.Length ? function : name.ToString();
    }
}
