namespace PanicLens.Knowledge;

/// <summary>
/// The upstream fix: commit subject as it appears in `git log`, the commit hash only where it was verified,
/// the first mainline release that carries it, and stable releases that carry a backport.
/// </summary>
public sealed record KnownIssueFix(string Subject, string? Commit, string? Version)
{
    public IReadOnlyList<string> Stable { get; init; } = [];
    public string? Notes { get; init; }
}
