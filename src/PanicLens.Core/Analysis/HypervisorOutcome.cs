namespace PanicLens.Analysis;

/// <summary>A hypervisor console line, recognised by a literal it contains, what it did to the host in a few words, and what it means.</summary>
public sealed record HypervisorOutcome(string Contains, string Effect, string Outcome);
