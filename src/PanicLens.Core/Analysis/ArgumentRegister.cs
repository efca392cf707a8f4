namespace PanicLens.Analysis;

/// <summary>A register that carries the <see cref="Position"/>th (1-based) integer argument on entry to a kernel function of <see cref="Arch"/>.</summary>
public sealed record ArgumentRegister(string Arch, string Register, int Position, string Convention);
