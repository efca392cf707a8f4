using PanicLens.Localization;

namespace PanicLens.Knowledge;

/// <summary>
/// A known issue's sentences in the current UI language: the `zh:` block's text under Chinese where it has it,
/// the English otherwise; and which Chinese sentences a shipped entry still lacks.
/// </summary>
public static class KnownIssueLanguage
{
    public static string Title(KnownIssue issue) => Pick(issue.Zh?.Title, issue.Title);

    public static string Summary(KnownIssue issue) => Pick(issue.Zh?.Summary, issue.Summary);

    public static string? Explanation(KnownIssue issue) => issue.Explanation is null ? null : Pick(issue.Zh?.Explanation, issue.Explanation);

    public static string? FixNotes(KnownIssue issue) => issue.Fix?.Notes is null ? null : Pick(issue.Zh?.FixNotes, issue.Fix.Notes);

    /// <summary>The mitigation with its title, risk, notes and preconditions in the current language.</summary>
    public static Mitigation Localize(KnownIssue issue, Mitigation mitigation)
    {
        if (!UiLanguage.CurrentIsChinese || issue.Zh?.Mitigations.FirstOrDefault(m => m.Id == mitigation.Id) is not { } zh)
            return mitigation;
        var preconditions = new List<MitigationPrecondition>(mitigation.Preconditions.Count);
        for (var i = 0; i < mitigation.Preconditions.Count; i++)
        {
            var pre = mitigation.Preconditions[i];
            var text = i < zh.Preconditions.Count ? zh.Preconditions[i] : null;
            preconditions.Add(new MitigationPrecondition(text?.What ?? pre.What, pre.Check) { Expect = pre.Expect is null ? null : text?.Expect ?? pre.Expect });
        }
        return mitigation with
        {
            Title = zh.Title ?? mitigation.Title,
            Risk = mitigation.Risk is null ? null : zh.Risk ?? mitigation.Risk,
            Notes = mitigation.Notes is null ? null : zh.Notes ?? mitigation.Notes,
            Preconditions = preconditions,
        };
    }

    /// <summary>Every English sentence of <paramref name="issue"/> that its `zh:` block does not translate, as (field, what is missing).</summary>
    public static IReadOnlyList<(string Field, string Missing)> MissingChinese(KnownIssue issue)
    {
        var missing = new List<(string, string)>();
        if (issue.Zh is not { } zh)
        {
            missing.Add(("zh", "no Chinese (`zh:` with title, summary and the mitigations' sentences)"));
            return missing;
        }
        Need(missing, "zh.title", zh.Title);
        Need(missing, "zh.summary", zh.Summary);
        if (issue.Explanation is not null)
            Need(missing, "zh.explanation", zh.Explanation);
        if (issue.Fix?.Notes is not null)
            Need(missing, "zh.fixNotes", zh.FixNotes);
        foreach (var m in issue.Mitigations)
        {
            var text = zh.Mitigations.FirstOrDefault(t => t.Id == m.Id);
            var field = $"zh.mitigations[{m.Id}]";
            if (text is null)
            {
                missing.Add((field, "not translated"));
                continue;
            }
            Need(missing, field + ".title", text.Title);
            if (m.Risk is not null)
                Need(missing, field + ".risk", text.Risk);
            if (m.Notes is not null)
                Need(missing, field + ".notes", text.Notes);
            for (var i = 0; i < m.Preconditions.Count; i++)
            {
                var pre = i < text.Preconditions.Count ? text.Preconditions[i] : null;
                Need(missing, $"{field}.preconditions[{i}].what", pre?.What);
                if (m.Preconditions[i].Expect is not null)
                    Need(missing, $"{field}.preconditions[{i}].expect", pre?.Expect);
            }
        }
        return missing;
    }

    private static void Need(List<(string, string)> missing, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            missing.Add((field, "no Chinese"));
    }

    private static string Pick(string? chinese, string english) => UiLanguage.CurrentIsChinese && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;
}
