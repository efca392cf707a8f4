using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PanicLens.Knowledge;

/// <summary>
/// Turns the text of one knowledge file into a <see cref="KnownIssue"/>, or into the list of every mistake
/// in it (file, line, field). The schema is documented in README.md ("Known issues").
/// </summary>
public static partial class KnownIssueReader
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{2,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^[0-9a-f]{12,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitShape();

    /// <summary>Reads <paramref name="text"/>; adds every mistake to <paramref name="errors"/> and returns null if there was any.</summary>
    public static KnownIssue? Read(string text, string file, List<KnowledgeError> errors)
    {
        var before = errors.Count;
        var root = Parse(text, file, errors);
        if (root is null)
            return null;
        var fields = YamlFields.Of(root, file, "", errors);
        if (fields is null)
            return null;
        var issue = ReadIssue(fields);
        fields.RejectUnknownKeys();
        return errors.Count == before ? issue : null;
    }

    private static YamlNode? Parse(string text, string file, List<KnowledgeError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new KnowledgeError(file, (int)e.Start.Line, "", "not valid YAML: " + (e.InnerException?.Message ?? e.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18's scanner throws this instead of a YamlException for a flow collection left open
            // at the end of the input; it carries no position, so point at the end of the file.
            var lastLine = text.Split('\n').Length;
            errors.Add(new KnowledgeError(file, lastLine, "", "not valid YAML: a [list] or {mapping} is not closed before the end of the file"));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            errors.Add(new KnowledgeError(file, 1, "", $"expected exactly one YAML document (one issue per file), found {stream.Documents.Count}"));
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static KnownIssue ReadIssue(YamlFields fields)
    {
        var id = fields.String("id", required: true) ?? "";
        if (id.Length > 0 && !IdShape().IsMatch(id))
            fields.Error("id", $"'{id}' must be 3-80 lower-case letters, digits, dots or dashes");
        var match = fields.Map("match");
        if (match is null)
            fields.Error("match", "is required: say what a report must show (title, text, functions, frames...)");
        var conditions = match is null ? new IssueConditions() : ConditionsReader.Read(match);
        if (match is not null && !conditions.HasSignature)
            match.Error("", "needs at least one of title, text, panic, functions or frames; kernel, module, comm and type alone would match unrelated crashes");
        var boost = fields.Map("boost");
        var mitigations = MitigationReader.ReadAll(fields);
        return new KnownIssue
        {
            Id = id,
            Title = fields.String("title", required: true) ?? "",
            Summary = fields.String("summary", required: true) ?? "",
            Explanation = fields.String("explanation"),
            Match = conditions,
            Boost = boost is null ? null : ConditionsReader.Read(boost),
            Fix = ReadFix(fields.Map("fix")),
            References = ReadReferences(fields),
            Mitigations = mitigations,
            Host = HostReader.Read(fields.Map("host"), mitigations),
            Tests = TestCaseReader.Read(fields),
            Zh = TranslationReader.Read(fields.Map("zh"), mitigations),
            Source = fields.File,
            Line = fields.Line,
        };
    }

    private static KnownIssueFix? ReadFix(YamlFields? fix)
    {
        if (fix is null)
            return null;
        var subject = fix.String("subject", required: true) ?? "";
        var commit = fix.String("commit");
        if (commit is not null && !CommitShape().IsMatch(commit))
            fix.Error("commit", $"'{commit}' is not a 12-40 digit lower-case hex commit hash");
        var version = fix.String("version");
        if (version is not null && !KernelVersion.TryParse(version, out _))
            fix.Error("version", $"'{version}' is not a kernel version like 3.8 or 5.2-rc6");
        var stable = fix.Strings("stable");
        foreach (var release in stable)
            if (!KernelVersion.TryParse(release, out _))
                fix.Error("stable", $"'{release}' is not a kernel version like 4.19.52");
        var result = new KnownIssueFix(subject, commit, version) { Stable = stable, Notes = fix.String("notes") };
        fix.RejectUnknownKeys();
        return result;
    }

    private static List<KnownIssueReference> ReadReferences(YamlFields fields)
    {
        var references = new List<KnownIssueReference>();
        var items = fields.Maps("references");
        if (items.Count == 0)
            fields.Error("references", "is required: at least one link a reader can follow (commit, lore thread, bug, documentation)");
        foreach (var item in items)
        {
            var url = item.String("url", required: true);
            if (url is not null && !(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
                item.Error("url", $"'{url}' is not an http(s) address");
            references.Add(new KnownIssueReference(url ?? "", item.String("title")));
            item.RejectUnknownKeys();
        }
        return references;
    }
}
