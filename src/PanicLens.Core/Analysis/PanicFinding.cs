namespace PanicLens.Analysis;

/// <summary>The `Kernel panic - not syncing:` reason as printed and why the kernel gave up.</summary>
public sealed record PanicFinding(string Reason, string Explanation);
