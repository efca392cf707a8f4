namespace PanicLens.Analysis;

/// <summary>A `Kernel panic - not syncing:` reason, recognised by its start, and why the kernel gave up.</summary>
public sealed record PanicReason(string Prefix, string Explanation);
