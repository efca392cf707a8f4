namespace PanicLens.Readiness;

/// <summary>Whether one host is exposed to one known issue, and whether its mitigation is in place.</summary>
/// <param name="KnownIssue">The known issue's id.</param>
/// <param name="Exposed">True when every precondition holds; null when one could not be read.</param>
/// <param name="Mitigated">True when a mitigation the known issue names is applied; null when unreadable or not exposed.</param>
/// <param name="Evidence">Each precondition and mitigation test with what was read.</param>
public sealed record IssueExposure(string KnownIssue, bool? Exposed, bool? Mitigated, IReadOnlyList<string> Evidence);
