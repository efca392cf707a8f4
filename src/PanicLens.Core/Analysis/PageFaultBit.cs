namespace PanicLens.Analysis;

/// <summary>One bit of the x86 page-fault error code: its mask, name, and what it means set and clear.</summary>
public sealed record PageFaultBit(int Mask, string Name, string WhenSet, string WhenClear);
