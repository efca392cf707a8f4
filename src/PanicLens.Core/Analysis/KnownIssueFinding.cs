namespace PanicLens.Analysis;

/// <summary>A known issue that matches the report: its id, title, the upstream fix in words (subject, commit, release), and links to read.</summary>
public sealed record KnownIssueFinding(string Id, string Title, string? Fix, IReadOnlyList<string> References)
{
    public int Score { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
