using System.Text.RegularExpressions;
using PanicLens.Text;

namespace PanicLens.Knowledge;

/// <summary>
/// What a crash report must show for a known issue to apply. Every condition that is set must hold;
/// lists hold alternatives except <see cref="Frames"/>, where every frame must appear in the call trace.
/// Patterns are <see cref="ShortTextRegex"/>es: fast on short lines, and linear-time when hostile log text makes them backtrack.
/// </summary>
public sealed record IssueConditions
{
    /// <summary>Against the report's title and alternative titles.</summary>
    public ShortTextRegex? Title { get; init; }
    /// <summary>Against every line of the report (for messages that are not titles, e.g. `nf_conntrack: table full`).</summary>
    public ShortTextRegex? Text { get; init; }
    /// <summary>Against the `Kernel panic - not syncing:` reason.</summary>
    public ShortTextRegex? Panic { get; init; }
    /// <summary>Crash type or detector kind (`paging-request`, `NULL-POINTER-DEREFERENCE`), case-insensitive.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
    /// <summary>The guilty function (faulting IP or guilty frame); compiler suffixes like `.isra.0` are ignored.</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];
    /// <summary>The module of the guilty function (`[inet_diag]`).</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];
    /// <summary>The task that was running (`comm:`); a trailing `*` matches a prefix (`kworker/*`).</summary>
    public IReadOnlyList<string> Comms { get; init; } = [];
    /// <summary>Functions that must all appear in the call trace.</summary>
    public IReadOnlyList<string> Frames { get; init; } = [];
    /// <summary>Affected kernel releases; any range may hold. An unknown kernel does not exclude a match.</summary>
    public IReadOnlyList<KernelRange> Kernel { get; init; } = [];

    public bool IsEmpty =>
        Title is null && Text is null && Panic is null && Types.Count == 0 && Functions.Count == 0 &&
        Modules.Count == 0 && Comms.Count == 0 && Frames.Count == 0 && Kernel.Count == 0;

    /// <summary>True when something other than the kernel range, module, comm or type pins the issue down.</summary>
    public bool HasSignature => Title is not null || Text is not null || Panic is not null || Functions.Count > 0 || Frames.Count > 0;
}
