using Iced.Intel;

namespace PanicLens.Analysis;

/// <summary>
/// Iced's registers-and-memory facts for an instruction. InstructionInfoFactory reuses internal buffers and is not
/// thread-safe, so there is one per thread (a server runs pipelines in parallel).
/// </summary>
internal static class InstructionInfos
{
    [ThreadStatic]
    private static InstructionInfoFactory? factory;

    public static InstructionInfo Of(in Instruction instruction) => (factory ??= new InstructionInfoFactory()).GetInfo(instruction);
}
