namespace PanicLens.Readiness;

/// <summary>One row of the readiness table: an id, what it verifies, where it applies and how it is judged.</summary>
/// <param name="Id">Stable check id.</param>
/// <param name="Title">One line saying what it verifies.</param>
/// <param name="Scope">Which hosts it applies to.</param>
/// <param name="Evaluate">Judges the host; reads files only through the context so unreadable ones are reported.</param>
public sealed record ReadinessCheck(string Id, string Title, CheckScope Scope, Func<HostContext, CheckResult> Evaluate);
