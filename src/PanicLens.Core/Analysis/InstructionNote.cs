namespace PanicLens.Analysis;

/// <summary>What it means when the marked instruction is <see cref="Mnemonic"/> (lower case, as Iced prints it).</summary>
public sealed record InstructionNote(string Mnemonic, string Class, string Explanation);
