namespace PanicLens.Knowledge;

/// <summary>Reads a `match:` or `boost:` mapping into <see cref="IssueConditions"/>.</summary>
internal static class ConditionsReader
{
    public static IssueConditions Read(YamlFields fields)
    {
        var conditions = new IssueConditions
        {
            Title = fields.Pattern("title"),
            Text = fields.Pattern("text"),
            Panic = fields.Pattern("panic"),
            Types = fields.Strings("types"),
            Functions = fields.Strings("functions"),
            Modules = fields.Strings("modules"),
            Comms = fields.Strings("comms"),
            Frames = fields.Strings("frames"),
            Kernel = fields.Ranges("kernel"),
        };
        fields.RejectUnknownKeys();
        return conditions;
    }
}
