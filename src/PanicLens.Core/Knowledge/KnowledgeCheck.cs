namespace PanicLens.Knowledge;

/// <summary>What a knowledge check read: the entries that loaded, every mistake found, and how many files were read.</summary>
public sealed record KnowledgeCheck(IReadOnlyList<KnownIssue> Issues, IReadOnlyList<KnowledgeError> Errors, int Files);
