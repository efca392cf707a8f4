namespace PanicLens.Analysis;

/// <summary>A `Tainted:` letter and what it says about the kernel that crashed.</summary>
public sealed record TaintLetter(char Letter, string Meaning);
