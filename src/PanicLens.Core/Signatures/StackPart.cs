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
    public static readonly StackPart CallTrace = new(StackPartKind.Line, FramePatterns.CallTraceLine) { OpensAtArmFrame = true };

    /// <summary>
    /// An arm32 frame line (`[&lt;c0&gt;] (callee) from [&lt;c0&gt;] (caller+0x1/0x2)`, ` callee from caller+0x1/0x2`) stands for
    /// this line when it comes first, and is left for the trace part to read: arm kernels built with CONFIG_ARM_UNWIND
    /// print their backtrace with no opening line (arch/arm/kernel/traps.c: only the frame-pointer `dump_backtrace`
    /// prints `Backtrace: `; the unwinder's `unwind_backtrace()` goes straight to `dump_backtrace_entry()`).
    /// </summary>
    public bool OpensAtArmFrame { get; init; }
    public static readonly StackPart Trace = new(StackPartKind.Trace);

    public static StackPart Find(string pattern) => new(StackPartKind.Line, pattern);
}
