namespace PanicLens.Knowledge;

/// <summary>Reads the `mitigations:` list of a knowledge file.</summary>
internal static class MitigationReader
{
    public static List<Mitigation> ReadAll(YamlFields fields)
    {
        var mitigations = new List<Mitigation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in fields.Maps("mitigations"))
        {
            var mitigation = Read(item);
            if (mitigation.Id.Length > 0 && !ids.Add(mitigation.Id))
                item.Error("id", $"mitigation id '{mitigation.Id}' appears twice in this entry");
            mitigations.Add(mitigation);
        }
        return mitigations;
    }

    private static Mitigation Read(YamlFields item)
    {
        var removes = item.String("removesTrigger", required: true);
        var trigger = RemovesTrigger.No;
        if (removes is not null && !TryParseRemovesTrigger(removes, out trigger))
            item.Error("removesTrigger", $"'{removes}' must be yes, partly or no");
        var commands = item.Map("commands");
        if (commands is null)
            item.Error("commands", "is required: `runtime:` and/or `persistent:` command lists");
        var runtime = commands?.Strings("runtime") ?? [];
        var persistent = commands?.Strings("persistent") ?? [];
        if (commands is not null && runtime.Count == 0 && persistent.Count == 0)
            commands.Error("", "needs at least one `runtime` or `persistent` command");
        commands?.RejectUnknownKeys();
        var mitigation = new Mitigation
        {
            Id = item.String("id", required: true) ?? "",
            Title = item.String("title", required: true) ?? "",
            RebootRequired = item.Bool("rebootRequired", required: true) ?? false,
            RemovesTrigger = trigger,
            Preconditions = ReadPreconditions(item),
            Runtime = runtime,
            Persistent = persistent,
            Undo = item.Strings("undo"),
            Risk = item.String("risk", required: true),
            Notes = item.String("notes"),
        };
        item.RejectUnknownKeys();
        return mitigation;
    }

    public static bool TryParseRemovesTrigger(string text, out RemovesTrigger value)
    {
        value = text switch
        {
            "yes" => RemovesTrigger.Yes,
            "partly" => RemovesTrigger.Partly,
            "no" => RemovesTrigger.No,
            _ => (RemovesTrigger)(-1),
        };
        return Enum.IsDefined(value);
    }

    private static List<MitigationPrecondition> ReadPreconditions(YamlFields item)
    {
        var list = new List<MitigationPrecondition>();
        foreach (var pre in item.Maps("preconditions"))
        {
            list.Add(new MitigationPrecondition(pre.String("what", required: true) ?? "", pre.String("check", required: true) ?? "")
            {
                Expect = pre.String("expect"),
            });
            pre.RejectUnknownKeys();
        }
        return list;
    }
}
