namespace PanicLens.Analysis;

/// <summary>One decoded instruction near the fault; <see cref="Offset"/> is in bytes from the faulting instruction.</summary>
public sealed record InstructionLine(int Offset, string Bytes, string Text, bool Faulting);
