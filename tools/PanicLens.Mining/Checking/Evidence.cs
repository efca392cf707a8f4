namespace PanicLens.Mining.Checking;

/// <summary>
/// One piece of evidence read off a raw line: its kind and printed form, the 1-based line number and the line as
/// written, and the values it shows (empty when the form shows none, e.g. a task line wrapped after `Comm:`).
/// </summary>
/// <param name="Unreliable">A frame marked `?` by the unwinder: not a frame a reader names.</param>
public sealed record Evidence(EvidenceKind Kind, string Form, int Line, string Text)
{
    public string Comm { get; init; } = "";
    public string Pid { get; init; } = "";
    public string Release { get; init; } = "";
    public string Function { get; init; } = "";
    /// <summary>The taint letters as printed (`P        W  O`), empty for `Not tainted`.</summary>
    public string Taint { get; init; } = "";
    public string Hardware { get; init; } = "";
    public bool Unreliable { get; init; }
    /// <summary>Where on the line the pattern matched.</summary>
    public int At { get; init; }
}
