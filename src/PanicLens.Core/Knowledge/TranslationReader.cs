namespace PanicLens.Knowledge;

/// <summary>
/// Reads an entry's optional `zh:` block (<see cref="KnownIssueText"/>): each mitigation named by an id the entry
/// has, with as many preconditions as the English one.
/// </summary>
internal static class TranslationReader
{
    public static KnownIssueText? Read(YamlFields? zh, IReadOnlyList<Mitigation> mitigations)
    {
        if (zh is null)
            return null;
        var texts = new List<MitigationText>();
        foreach (var item in zh.Maps("mitigations"))
        {
            var id = item.String("id", required: true) ?? "";
            var english = mitigations.FirstOrDefault(m => m.Id == id);
            if (id.Length > 0 && english is null)
                item.Error("id", $"no mitigation '{id}' in this entry");
            var preconditions = new List<PreconditionText>();
            foreach (var pre in item.Maps("preconditions"))
            {
                preconditions.Add(new PreconditionText(pre.String("what"), pre.String("expect")));
                pre.RejectUnknownKeys();
            }
            if (english is not null && item.Has("preconditions") && preconditions.Count != english.Preconditions.Count)
                item.Error("preconditions", $"has {preconditions.Count} item(s), the mitigation has {english.Preconditions.Count}: one per precondition, in order");
            texts.Add(new MitigationText(id)
            {
                Title = item.String("title"),
                Risk = item.String("risk"),
                Notes = item.String("notes"),
                Preconditions = preconditions,
            });
            item.RejectUnknownKeys();
        }
        var text = new KnownIssueText
        {
            Title = zh.String("title"),
            Summary = zh.String("summary"),
            Explanation = zh.String("explanation"),
            FixNotes = zh.String("fixNotes"),
            Mitigations = texts,
        };
        zh.RejectUnknownKeys();
        return text;
    }
}
