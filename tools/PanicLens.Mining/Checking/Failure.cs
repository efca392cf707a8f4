namespace PanicLens.Mining.Checking;

/// <summary>
/// One report (or mail) that fails an evidence rule: where, which rule, the evidence line as printed, the cause it
/// is grouped under, and what the report had.
/// </summary>
public sealed record Failure(string File, int Line, string Rule, string Cause, string Evidence)
{
    /// <summary>The shape of what stands before the evidence on its line (see <see cref="CauseNamer.Shape"/>).</summary>
    public string? Detail { get; init; }
    public int ReportStart { get; init; }
    public int ReportEnd { get; init; }
    public string? Title { get; init; }
    public string? Function { get; init; }
    public string? Comm { get; init; }
    public int? Pid { get; init; }
    public string? Kernel { get; init; }
    public bool Corrupted { get; init; }
    public string? CorruptionReason { get; init; }
}
