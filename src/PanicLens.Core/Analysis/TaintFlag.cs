namespace PanicLens.Analysis;

/// <summary>One letter of the `Tainted:` flags, what it means, the modules carrying it in `Modules linked in:`, and a note (e.g. where the earlier warning is).</summary>
public sealed record TaintFlag(string Letter, string Meaning, IReadOnlyList<string> Modules)
{
    public string? Note { get; init; }
}
