namespace PanicLens.Analysis;

/// <summary>A hypervisor console line, recognised by a literal it contains, and what it means for the host.</summary>
public sealed record HypervisorOutcome(string Contains, string Outcome);
