using Iced.Intel;

namespace PanicLens.Analysis;

/// <summary>
/// x86 instructions decoded from a `Code:` line: <see cref="Instructions"/> in order, each with its byte offset in
/// the line, and <see cref="FaultPosition"/> the index of the instruction at the marked byte.
/// </summary>
public sealed record DecodedCode(IReadOnlyList<Instruction> Instructions, IReadOnlyList<int> Offsets, int FaultPosition, int Bitness)
{
    public Instruction Faulting => Instructions[FaultPosition];
    public int FaultOffset => Offsets[FaultPosition];
}
