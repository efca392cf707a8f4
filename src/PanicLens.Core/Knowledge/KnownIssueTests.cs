namespace PanicLens.Knowledge;

/// <summary>An entry's own examples: reports it must match and near misses it must not (the `tests:` section).</summary>
public sealed record KnownIssueTests(IReadOnlyList<KnownIssueTestCase> Matches, IReadOnlyList<KnownIssueTestCase> NearMisses);
