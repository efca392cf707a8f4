namespace PanicLens.Model;

/// <summary>A run of frames under one `Call Trace:` header (or one exception-stack section of it).</summary>
public sealed record CallTrace(StackKind Kind, IReadOnlyList<Frame> Frames)
{
    /// <summary>1-based input line of the header that opened this trace.</summary>
    public int StartLine { get; init; }
    /// <summary>The header text (`Call Trace:`, `&lt;IRQ&gt;`, `Allocated by task 123:`...).</summary>
    public string? Header { get; init; }
}
