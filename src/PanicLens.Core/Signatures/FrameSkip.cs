namespace PanicLens.Signatures;

/// <summary>A pattern (unanchored unless it says `^`/`\z`) for frames that only report, carry or print a crash.</summary>
public sealed record FrameSkip(string Pattern, string Why);
