using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>One step of a <see cref="StackSpec"/>: a line to find, or a run of frames to read.</summary>
public sealed record StackPart(StackPartKind Kind, string? Pattern = null)
{
    private Regex? regex;

    public Regex? Regex => Pattern is null ? null : regex ??= FramePatterns.Compile(Pattern);

    /// <summary>The `RIP:`/`IP:`/`pc :`/`PC is at` line; its function is the first candidate.</summary>
    public static readonly StackPart Rip = new(StackPartKind.Line, FramePatterns.RipLine);
    /// <summary>The `Call Trace:` (or `Call trace:`/`Backtrace:`) header.</summary>
    public static readonly StackPart CallTrace = new(StackPartKind.Line, FramePatterns.CallTraceLine);
    public static readonly StackPart Trace = new(StackPartKind.Trace);

    public static StackPart Find(string pattern) => new(StackPartKind.Line, pattern);
}
