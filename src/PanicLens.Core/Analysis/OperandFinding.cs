namespace PanicLens.Analysis;

/// <summary>
/// The faulting instruction's memory operand: its expression, the registers it reads with their values from the
/// report, the address they compute (hex, no 0x; null when a register value is missing), and whether that equals
/// the fault address (null when the report gives none).
/// </summary>
public sealed record OperandFinding(string Expression, IReadOnlyList<RegisterValue> Registers, string? Address, bool? MatchesFaultAddress)
{
    /// <summary>Displacement added to the registers, e.g. 8 for `[rbx+0x8]` (a field at offset 8).</summary>
    public long Displacement { get; init; }
    public required string Explanation { get; init; }
}
