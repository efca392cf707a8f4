namespace PanicLens.Analysis;

/// <summary>
/// A value the kernel writes on purpose so that using it crashes recognisably: an address matches when
/// (address &amp; <see cref="Mask"/>) == <see cref="Value"/>, on kernels of <see cref="Bits"/> bits (0: any).
/// The mask leaves out the low bits a structure's field offset adds.
/// </summary>
public sealed record PoisonValue(string Id, ulong Value, ulong Mask, int Bits, string Explanation);
