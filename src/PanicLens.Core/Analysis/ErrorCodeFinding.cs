namespace PanicLens.Analysis;

/// <summary>
/// The x86 page-fault error code (from `Oops: 0000` or `#PF: error_code(0x0000)`) decoded bit by bit:
/// <see cref="Present"/> false means the page was not mapped, true a protection violation.
/// </summary>
public sealed record ErrorCodeFinding(string Raw, bool Write, bool User, bool Present, bool InstructionFetch)
{
    public bool ReservedBit { get; init; }
    public bool ProtectionKey { get; init; }
    public bool ShadowStack { get; init; }
    public required string Explanation { get; init; }
}
