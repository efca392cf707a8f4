namespace PanicLens.Analysis;

/// <summary>A register named by an operand, its value as the report printed it (hex, null when not printed), and its role (`base`, `index`).</summary>
public sealed record RegisterValue(string Name, string? Value, string Role);
