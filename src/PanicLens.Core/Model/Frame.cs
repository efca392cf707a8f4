namespace PanicLens.Model;

/// <summary>
/// One call-trace entry: `[&lt;ffffffff8100&gt;] ? func+0x1/0x2 [mod]`, `func+0x1/0x2 mm/file.c:12`, arm64 `func+0x1/0x2 (P)`.
/// Offset and Size are hex text without 0x, or null when the kernel did not print them.
/// </summary>
public sealed record Frame(string Function, string? Offset, string? Size, string? Module, bool Reliable)
{
    public string? Address { get; init; }
    /// <summary>`file.c:123` when the trace was symbolised with source locations.</summary>
    public string? Source { get; init; }
    /// <summary>True for `(inline)` frames of symbolised traces.</summary>
    public bool Inline { get; init; }
}
