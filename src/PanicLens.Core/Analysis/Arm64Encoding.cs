namespace PanicLens.Analysis;

/// <summary>
/// An arm64 instruction group: a word belongs to it when (word &amp; <see cref="Mask"/>) == <see cref="Value"/>.
/// <see cref="Access"/> is how its memory address is formed (for loads and stores).
/// </summary>
public sealed record Arm64Encoding(uint Mask, uint Value, string Class, string Name, Arm64Access Access);
