namespace PanicLens.Signatures;

public enum StackPartKind
{
    /// <summary>Skip lines until one matches the pattern; its capture groups are candidate frames.</summary>
    Line,
    /// <summary>Read frame lines until a stack-start line (`Call Trace:`, `Allocated by task`...) ends the section.</summary>
    Trace,
}
