namespace PanicLens.Knowledge;

/// <summary>
/// One thing an operator can do about a known issue, with the checks to run first, the exact commands
/// (now, and so that it survives a reboot), how to undo it, what it risks, and whether it removes the trigger.
/// </summary>
public sealed record Mitigation
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required bool RebootRequired { get; init; }
    public required RemovesTrigger RemovesTrigger { get; init; }
    public IReadOnlyList<MitigationPrecondition> Preconditions { get; init; } = [];
    /// <summary>Commands that take effect at once.</summary>
    public IReadOnlyList<string> Runtime { get; init; } = [];
    /// <summary>Commands or file contents that keep the mitigation after a reboot.</summary>
    public IReadOnlyList<string> Persistent { get; init; } = [];
    public IReadOnlyList<string> Undo { get; init; } = [];
    public string? Risk { get; init; }
    public string? Notes { get; init; }
}
