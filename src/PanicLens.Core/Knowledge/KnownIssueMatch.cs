namespace PanicLens.Knowledge;

/// <summary>A known issue that applies to a report, how strongly (higher is stronger), and why, in words.</summary>
public sealed record KnownIssueMatch(KnownIssue Issue, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>True when the report's kernel was read and lies in the entry's affected range.</summary>
    public bool KernelInRange { get; init; }
}
