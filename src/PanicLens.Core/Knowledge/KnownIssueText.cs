namespace PanicLens.Knowledge;

/// <summary>
/// A known issue's human sentences in another language (the entry's `zh:` block): title, summary, explanation,
/// fix notes and, per mitigation id, its title, risk, notes and preconditions. Commands, patterns and ids are
/// never translated.
/// </summary>
public sealed record KnownIssueText
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Explanation { get; init; }
    public string? FixNotes { get; init; }
    public IReadOnlyList<MitigationText> Mitigations { get; init; } = [];
}

/// <summary>One mitigation's sentences in another language, by its id; preconditions in the entry's order.</summary>
public sealed record MitigationText(string Id)
{
    public string? Title { get; init; }
    public string? Risk { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<PreconditionText> Preconditions { get; init; } = [];
}

/// <summary>A precondition's `what` and `expect` in another language (its `check` is a command and stays).</summary>
public sealed record PreconditionText(string? What, string? Expect);
