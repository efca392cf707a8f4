namespace PanicLens.Analysis;

/// <summary>
/// The instruction at the marked byte of the `Code:` line. <see cref="Text"/> is Intel syntax as Iced formats it
/// (`mov rax,qword ptr [rsi]`) on x86; on arm64 the instruction class and base register (`load [x19]`).
/// <see cref="Bytes"/> are hex pairs separated by spaces (arm64: the 32-bit word).
/// </summary>
public sealed record FaultingInstruction(string Text, string Bytes, IReadOnlyList<InstructionLine> Context)
{
    /// <summary>`load`, `store`, `load+store`, `branch`, `call`, `trap`, `other`.</summary>
    public string Class { get; init; } = "other";
    /// <summary>A sentence when the instruction itself says something (ud2/brk are BUG()/WARN() traps).</summary>
    public string? Explanation { get; init; }
}
