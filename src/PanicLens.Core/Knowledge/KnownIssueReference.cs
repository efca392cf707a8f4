namespace PanicLens.Knowledge;

/// <summary>A link a reader can follow: an upstream commit, a lore thread, a bug tracker, kernel documentation.</summary>
public sealed record KnownIssueReference(string Url, string? Title);
