namespace PanicLens.Knowledge;

/// <summary>Something to confirm before applying a mitigation, the command that shows it, and what its output should say.</summary>
public sealed record MitigationPrecondition(string What, string Check)
{
    public string? Expect { get; init; }
}
