using PanicLens.Knowledge;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>Turns knowledge-base matches into the diagnosis' known issues and one ranked list of mitigations.</summary>
public static class KnownIssueAdvice
{
    public static IReadOnlyList<KnownIssueFinding> Issues(IReadOnlyList<KnownIssueMatch> matches)
    {
        var issues = new List<KnownIssueFinding>(matches.Count);
        foreach (var match in matches)
        {
            var references = new List<string>(match.Issue.References.Count);
            foreach (var reference in match.Issue.References)
                references.Add(reference.Url);
            issues.Add(new KnownIssueFinding(match.Issue.Id, KnownIssueLanguage.Title(match.Issue), Fix(match.Issue.Fix), references)
            {
                Score = match.Score,
                Reasons = match.Reasons,
            });
        }
        return issues;
    }

    /// <summary>
    /// Every matched issue's mitigations, strongest issue first, then ranked by <see cref="KnowledgeBase.Rank"/>
    /// (trigger removed without reboot, then with a reboot, then the rest); among those that do not remove the
    /// trigger (verdicts, core-dump setup), the ones without a reboot come first too.
    /// </summary>
    public static IReadOnlyList<MitigationAdvice> Mitigations(IReadOnlyList<KnownIssueMatch> matches)
    {
        var all = new List<Mitigation>();
        var owner = new Dictionary<Mitigation, KnownIssue>(ReferenceEqualityComparer.Instance);
        foreach (var match in matches)
        {
            foreach (var mitigation in match.Issue.Mitigations)
            {
                all.Add(mitigation);
                owner[mitigation] = match.Issue;
            }
        }
        var advice = new List<MitigationAdvice>(all.Count);
        var ranked = KnowledgeBase.Rank(all).OrderBy(m => m.RemovesTrigger == RemovesTrigger.No && m.RebootRequired ? 1 : 0);
        foreach (var ranking in ranked)
        {
            var mitigation = KnownIssueLanguage.Localize(owner[ranking], ranking);
            advice.Add(new MitigationAdvice(mitigation.Id, mitigation.Title, mitigation.RebootRequired, mitigation.RemovesTrigger.ToString().ToLowerInvariant())
            {
                Issue = owner[ranking].Id,
                Preconditions = mitigation.Preconditions,
                Commands = mitigation.Runtime,
                Persistent = mitigation.Persistent,
                Undo = mitigation.Undo,
                Risk = mitigation.Risk,
                Notes = mitigation.Notes,
            });
        }
        return advice;
    }

    private static string? Fix(KnownIssueFix? fix)
    {
        if (fix is null)
            return null;
        var text = $"\"{fix.Subject}\"";
        if (fix.Commit is not null)
            text += Sentences.Format("fix.commit", fix.Commit);
        if (fix.Version is not null)
            text += Sentences.Format("fix.version", fix.Version);
        return text;
    }
}
