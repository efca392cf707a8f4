namespace PanicLens.Analysis;

/// <summary>What the hypervisor did after the guest or itself crashed (from its `(XEN)` lines), and the line that says so.</summary>
public sealed record HypervisorFinding(string Outcome, string Line)
{
    /// <summary>The outcome in a few words for a first screen: `host halted, needs a power cycle; no vmcore`.</summary>
    public string? Effect { get; init; }
}
