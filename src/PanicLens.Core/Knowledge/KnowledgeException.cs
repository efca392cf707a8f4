namespace PanicLens.Knowledge;

/// <summary>Knowledge files that cannot be used; <see cref="Errors"/> lists every mistake with file, line and field.</summary>
public sealed class KnowledgeException(IReadOnlyList<KnowledgeError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<KnowledgeError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<KnowledgeError> errors) =>
        errors.Count == 1
            ? "knowledge file has a mistake: " + errors[0]
            : $"knowledge files have {errors.Count} mistakes:" + Environment.NewLine + string.Join(Environment.NewLine, errors);
}
