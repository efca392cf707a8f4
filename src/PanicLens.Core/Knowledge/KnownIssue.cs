namespace PanicLens.Knowledge;

/// <summary>
/// One known kernel issue from a `knowledge/*.yaml` file: how to recognise it in a crash report, what
/// fixed it upstream, where to read about it, what to do tonight, and how to tell whether a host is exposed.
/// </summary>
public sealed record KnownIssue
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>One or two sentences for a report line.</summary>
    public required string Summary { get; init; }
    /// <summary>The mechanism, for a reader who wants the why.</summary>
    public string? Explanation { get; init; }
    public required IssueConditions Match { get; init; }
    /// <summary>Optional conditions that make a match stronger but are not required (e.g. `comm: ss`).</summary>
    public IssueConditions? Boost { get; init; }
    public KnownIssueFix? Fix { get; init; }
    public IReadOnlyList<KnownIssueReference> References { get; init; } = [];
    /// <summary>Ordered as the file lists them; <see cref="KnowledgeBase"/> ranks them for output.</summary>
    public IReadOnlyList<Mitigation> Mitigations { get; init; } = [];
    public HostExposure? Host { get; init; }
    public KnownIssueTests Tests { get; init; } = new([], []);
    /// <summary>The entry's sentences in Chinese (`zh:`); optional for user entries, required of shipped ones.</summary>
    public KnownIssueText? Zh { get; init; }
    /// <summary>Where the entry came from: `knowledge/x.yaml` for shipped entries, a path for user entries.</summary>
    public required string Source { get; init; }
    public int Line { get; init; }
}
