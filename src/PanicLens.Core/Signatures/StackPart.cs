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
    /// <summary>The `Call Trace:` (or `Call trace:`/`Backtrace:`) header.</summary>
    public static readonly StackPart CallTrace = new(StackPartKind.Line, FramePatterns.CallTraceLine);
    public static readonly StackPart Trace = new(StackPartKind.Trace);

    public static StackPart Find(string pattern) => new(StackPartKind.Line, pattern);
}
