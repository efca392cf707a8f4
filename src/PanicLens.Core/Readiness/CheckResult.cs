namespace PanicLens.Readiness;

/// <summary>The verdict of one readiness item, the facts it rests on (each naming the file read) and how to fix it.</summary>
/// <param name="Id">Stable id such as <c>kdump.loaded</c>; scripts key on it.</param>
/// <param name="Status">pass, warn, fail or unknown.</param>
/// <param name="Evidence">What was read, each line starting with the path it came from.</param>
/// <param name="Fix">What to do; empty on pass.</param>
public sealed record CheckResult(string Id, CheckStatus Status, IReadOnlyList<string> Evidence, string Fix);
