namespace PanicLens.Analysis;

/// <summary>What the hypervisor did after the guest or itself crashed (from its `(XEN)` lines), and the line that says so.</summary>
public sealed record HypervisorFinding(string Outcome, string Line);
