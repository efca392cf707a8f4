namespace PanicLens.Analysis;

/// <summary>
/// What the analysis concluded about one report: the faulting instruction and the register that held the bad
/// address, what that address is, the page-fault error code, taint, panic reason and hypervisor outcome decoded,
/// how user space got there, and the known issues and mitigations that apply. Null or empty where the log
/// does not say. Serialised as the report's `diagnosis` (camelCase).
/// </summary>
public sealed class Diagnosis
{
    public FaultingInstruction? Instruction { get; init; }
    /// <summary>Lower-case name of the register whose value is (the base of) the faulting address, or null.</summary>
    public string? BadRegister { get; init; }
    /// <summary>The faulting instruction's memory operand computed from the registers, or null when none.</summary>
    public OperandFinding? Operand { get; init; }
    public AddressFinding? Address { get; init; }
    public ErrorCodeFinding? ErrorCode { get; init; }
    public IReadOnlyList<TaintFlag> Taint { get; init; } = [];
    public PanicFinding? Panic { get; init; }
    public HypervisorFinding? Hypervisor { get; init; }
    /// <summary>How the crash was reached, in words: the process, its system call and the kernel path taken.</summary>
    public string? Trigger { get; init; }
    public IReadOnlyList<KnownIssueFinding> KnownIssues { get; init; } = [];
    /// <summary>Ranked: no reboot first, then by how much of the trigger they remove.</summary>
    public IReadOnlyList<MitigationAdvice> Mitigations { get; init; } = [];
}
