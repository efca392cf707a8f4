namespace PanicLens.Knowledge;

/// <summary>
/// One mistake in a knowledge file: where (file, 1-based line, field path such as
/// `mitigations[1].removesTrigger`) and what is wrong. A file with any mistake is not loaded.
/// </summary>
public sealed record KnowledgeError(string File, int Line, string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}
