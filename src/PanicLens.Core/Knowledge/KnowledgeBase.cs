using PanicLens.Model;

namespace PanicLens.Knowledge;

/// <summary>
/// The known issues in effect (shipped entries plus the user's `--kb` directories), looked up by id or
/// matched against crash reports. Build one with <see cref="KnowledgeLoader"/>.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, KnownIssue> byId;

    public KnowledgeBase(IReadOnlyList<KnownIssue> issues)
    {
        Issues = issues;
        byId = new Dictionary<string, KnownIssue>(StringComparer.Ordinal);
        foreach (var issue in issues)
            if (!byId.TryAdd(issue.Id, issue))
                throw new InvalidOperationException($"known issue id '{issue.Id}' appears twice; the loader should have rejected {issue.Source}");
    }

    public IReadOnlyList<KnownIssue> Issues { get; }

    public KnownIssue? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Every known issue that applies to <paramref name="report"/>, strongest first (ties by id).</summary>
    public IReadOnlyList<KnownIssueMatch> Match(CrashReport report)
    {
        var matches = new List<KnownIssueMatch>();
        var facts = IssueMatcher.Facts(report);
        foreach (var issue in Issues)
        {
            var match = IssueMatcher.Match(issue, facts);
            if (match is not null)
                matches.Add(match);
        }
        matches.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Issue.Id, b.Issue.Id));
        return matches;
    }

    /// <summary>
    /// Mitigations in the order to present them: those that remove (or partly remove) the trigger without a
    /// reboot, then those that need a reboot, then those that do not remove it (verdicts, core-dump setup);
    /// the file's order within each group.
    /// </summary>
    public static IReadOnlyList<Mitigation> Rank(IReadOnlyList<Mitigation> mitigations)
    {
        static int Group(Mitigation m) => m.RemovesTrigger == RemovesTrigger.No ? 2 : m.RebootRequired ? 1 : 0;
        var ranked = new List<Mitigation>(mitigations);
        // List.Sort is not stable; order by (group, position in file).
        var position = new Dictionary<Mitigation, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < mitigations.Count; i++)
            position[mitigations[i]] = i;
        ranked.Sort((a, b) => Group(a) != Group(b) ? Group(a).CompareTo(Group(b)) : position[a].CompareTo(position[b]));
        return ranked;
    }
}
