using System.Globalization;
using System.Text.RegularExpressions;
using PanicLens.Text;
using YamlDotNet.RepresentationModel;

namespace PanicLens.Knowledge;

/// <summary>
/// Reads one YAML mapping field by field and records every mistake (wrong shape, missing value, bad
/// pattern or range, key nobody asked for) with file, line and field path, instead of stopping at the first.
/// Callers read the keys they know, then call <see cref="RejectUnknownKeys"/>.
/// </summary>
internal sealed partial class YamlFields
{
    // Patterns from data run on log text: linear time, and no culture surprises.

    private readonly YamlMappingNode node;
    private readonly string file;
    private readonly string path;
    private readonly List<KnowledgeError> errors;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private YamlFields(YamlMappingNode node, string file, string path, List<KnowledgeError> errors)
    {
        this.node = node;
        this.file = file;
        this.path = path;
        this.errors = errors;
    }

    public int Line => (int)node.Start.Line;
    public string File => file;
    public List<KnowledgeError> Errors => errors;

    public static YamlFields? Of(YamlNode value, string file, string path, List<KnowledgeError> errors)
    {
        if (value is YamlMappingNode mapping)
            return new YamlFields(mapping, file, path, errors);
        errors.Add(new KnowledgeError(file, (int)value.Start.Line, path, "expected a mapping of keys to values"));
        return null;
    }

    public string FieldPath(string key) => key.Length == 0 ? path : path.Length == 0 ? key : path + "." + key;

    public void Error(string key, string message) =>
        errors.Add(new KnowledgeError(file, LineOf(key), FieldPath(key), message));

    public int LineOf(string key) => (int)(Find(key)?.Start.Line ?? node.Start.Line);

    public string? String(string key, bool required = false)
    {
        var value = Get(key);
        if (value is null || value is YamlScalarNode { Value: null or "" })
        {
            if (required)
                errors.Add(new KnowledgeError(file, LineOf(key), FieldPath(key), "is required"));
            return null;
        }
        if (value is YamlScalarNode scalar)
            return scalar.Value;
        errors.Add(new KnowledgeError(file, (int)value.Start.Line, FieldPath(key), "expected text, not a list or mapping"));
        return null;
    }

    public bool? Bool(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
            return null;
        if (text is "true" or "false")
            return text == "true";
        Error(key, $"expected true or false, got '{text}'");
        return null;
    }

    public int? Int(string key)
    {
        var text = String(key);
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        Error(key, $"expected a whole number, got '{text}'");
        return null;
    }

    public ShortTextRegex? Pattern(string key)
    {
        var text = String(key);
        return text is null ? null : Compile(text, LineOf(key), FieldPath(key));
    }

    /// <summary>
    /// A pattern for log text: it must stay within what the linear NonBacktracking engine supports (no
    /// backreferences, lookarounds, atomic groups or conditionals), which <see cref="ShortTextRegex"/> falls back
    /// to; it matches on the fast interpreter first. Building it costs microseconds, so loading the knowledge base
    /// builds no automaton.
    /// </summary>
    public ShortTextRegex? Compile(string text, int line, string field)
    {
        if (LinearUnsupported().Match(text) is { Success: true } construct)
        {
            errors.Add(new KnowledgeError(file, line, field,
                $"pattern '{text}' does not compile: '{construct.Value}' (backreference, lookaround, atomic group or conditional) is not allowed in log patterns"));
            return null;
        }
        try
        {
            return new ShortTextRegex(text);
        }
        catch (ArgumentException e)
        {
            errors.Add(new KnowledgeError(file, line, field, $"pattern '{text}' does not compile: {e.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Constructs NonBacktracking refuses: lookarounds `(?=` `(?!` `(?&lt;=` `(?&lt;!`, atomic `(?&gt;`, conditional `(?(`,
    /// backreferences `\1`..`\9` `\k&lt;`, balancing groups `(?&lt;a-b&gt;`, and `\G`.
    /// </summary>
    [GeneratedRegex(@"(?<!\\)(?:\(\?(?:=|!|<=|<!|>|\(|<[A-Za-z0-9_]*-|'[A-Za-z0-9_]*-)|\\[1-9]|\\k[<']|\\G)", RegexOptions.CultureInvariant)]
    private static partial Regex LinearUnsupported();

    public List<string> Strings(string key)
    {
        var list = new List<string>();
        foreach (var (item, line, field) in Items(key))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
                list.Add(text);
            else
                errors.Add(new KnowledgeError(file, line, field, "expected non-empty text"));
        }
        return list;
    }

    public List<KernelRange> Ranges(string key)
    {
        var ranges = new List<KernelRange>();
        foreach (var (item, line, field) in Items(key))
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                errors.Add(new KnowledgeError(file, line, field, "expected a version range such as '< 3.8'"));
                continue;
            }
            var range = KernelRange.TryParse(text, out var error);
            if (range is null)
                errors.Add(new KnowledgeError(file, line, field, "bad version range: " + error));
            else
                ranges.Add(range);
        }
        return ranges;
    }

    public List<YamlFields> Maps(string key)
    {
        var list = new List<YamlFields>();
        foreach (var (item, _, field) in Items(key))
        {
            var fields = Of(item, file, field, errors);
            if (fields is not null)
                list.Add(fields);
        }
        return list;
    }

    public YamlFields? Map(string key)
    {
        var value = Get(key);
        return value is null or YamlScalarNode { Value: null or "" } ? null : Of(value, file, FieldPath(key), errors);
    }

    public bool Has(string key) => Find(key) is not null;

    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!read.Contains(name))
                errors.Add(new KnowledgeError(file, (int)key.Start.Line, FieldPath(name), "unknown key (misspelled, or not part of the schema in README.md)"));
        }
    }

    private IEnumerable<(YamlNode Item, int Line, string Field)> Items(string key)
    {
        var value = Get(key);
        if (value is null || value is YamlScalarNode { Value: null or "" })
            yield break;
        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(new KnowledgeError(file, (int)value.Start.Line, FieldPath(key), "expected a list ('- item' lines or [a, b])"));
            yield break;
        }
        for (var i = 0; i < sequence.Children.Count; i++)
            yield return (sequence.Children[i], (int)sequence.Children[i].Start.Line, $"{FieldPath(key)}[{i}]");
    }

    private YamlNode? Get(string key)
    {
        read.Add(key);
        return Find(key);
    }

    private YamlNode? Find(string key)
    {
        foreach (var (name, value) in node.Children)
            if (name is YamlScalarNode { Value: var text } && text == key)
                return value;
        return null;
    }
}
