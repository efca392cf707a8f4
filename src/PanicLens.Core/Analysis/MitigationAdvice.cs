namespace PanicLens.Analysis;

/// <summary>
/// One mitigation for a matched known issue, as output: whether it needs a reboot, an honest `yes`/`partly`/`no`
/// to "does it remove the trigger?", what to check first, the commands, how to undo it and what it risks.
/// </summary>
public sealed record MitigationAdvice(string Id, string Title, bool RebootRequired, string RemovesTrigger)
{
    /// <summary>The known issue this mitigation belongs to.</summary>
    public string? Issue { get; init; }
    public IReadOnlyList<Knowledge.MitigationPrecondition> Preconditions { get; init; } = [];
    /// <summary>Commands that take effect at once.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];
    /// <summary>Commands or file contents that keep the mitigation after a reboot.</summary>
    public IReadOnlyList<string> Persistent { get; init; } = [];
    public IReadOnlyList<string> Undo { get; init; } = [];
    public string? Risk { get; init; }
    public string? Notes { get; init; }
}
