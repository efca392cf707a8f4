using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>One step of a <see cref="StackSpec"/>: a line to find, or a run of frames to read.</summary>
public sealed record StackPart(StackPartKind Kind, string? Pattern = null)
{
    private ShortTextRegex? regex;

    /// <summary>Matched on one console line at a time.</summary>
    public ShortTextRegex? Regex => Pattern is null ? null : regex ??= new ShortTextRegex(Pattern);

    private LeadingFilter? filter;

    /// <summary>False when no leading literal of the pattern's alternatives is on the line, so the regex cannot match.</summary>
    public bool MayMatch(string line) => (filter ??= new LeadingFilter(Pattern)).MayMatch(line);

    /// <summary>The `RIP:`/`IP:`/`pc :`/`PC is at` line; its function is the first candidate.</summary>
    public static readonly StackPart Rip = new(StackPartKind.Line, FramePatterns.RipLine);
    /// <summary>
    /// The `Call Trace:` (or `Call trace:`/`Backtrace:`) header, or the first arm32 frame line where none is printed
    /// (<see cref="OpensAtArmFrame"/>).
    /// </summary>
    public static readonly StackPart CallTrace = new(StackPartKind.Line, FramePatterns.CallTraceLine) { OpensAtArmFrame = true, OpensAtI386Frame = true };

    /// <summary>
    /// An arm32 frame line (`[&lt;c0&gt;] (callee) from [&lt;c0&gt;] (caller+0x1/0x2)`, ` callee from caller+0x1/0x2`) stands for
    /// this line when it comes first, and is left for the trace part to read: arm kernels built with CONFIG_ARM_UNWIND
    /// print their backtrace with no opening line (arch/arm/kernel/traps.c: only the frame-pointer `dump_backtrace`
    /// prints `Backtrace: `; the unwinder's `unwind_backtrace()` goes straight to `dump_backtrace_entry()`).
    /// </summary>
    public bool OpensAtArmFrame { get; init; }

    /// <summary>
    /// An i386 frame line (` [&lt;c0123456&gt;] func+0x1/0x2`) stands for this line when it comes first: i386 kernels to 2.6.2x
    /// printed `Call Trace:` only in show_stack_log_lvl() (an oops's stack dump); dump_stack() (WARN_ON's `WARNING: at`,
    /// a soft lockup's show_regs) went straight to show_trace_log_lvl(), frames and a closing ` =======================`
    /// (arch/i386/kernel/traps.c, arch/x86/kernel/traps_32.c). Only in a report with no opening line anywhere: other
    /// 32-bit kernels print single `[&lt;%p&gt;] %pS` lines before theirs (arm's `Preemption disabled at:`, syzkaller/643).
    /// </summary>
    public bool OpensAtI386Frame { get; init; }
    public static readonly StackPart Trace = new(StackPartKind.Trace);

    public static StackPart Find(string pattern) => new(StackPartKind.Line, pattern);
}
