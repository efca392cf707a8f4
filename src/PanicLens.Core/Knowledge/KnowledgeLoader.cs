using System.Reflection;

namespace PanicLens.Knowledge;

/// <summary>
/// Loads known issues: the files shipped in `knowledge/` (embedded in this assembly) and the `*.yaml` /
/// `*.yml` files of user directories. Every file is checked in full — schema, patterns, ranges, duplicate
/// ids across all files, and each entry's own test cases — and a mistake anywhere fails the load with
/// every mistake listed; no file is ever skipped.
/// </summary>
public static class KnowledgeLoader
{
    private const string ResourcePrefix = "knowledge/";

    /// <summary>Shipped entries plus those in <paramref name="userDirectories"/>; throws <see cref="KnowledgeException"/> on any mistake.</summary>
    public static KnowledgeBase Load(IEnumerable<string>? userDirectories = null)
    {
        // The shipped entries' own tests ran when this build was tested (ShippedKnowledgeTests) and by
        // `kb validate`; running them again on every start would cost most of a second.
        var result = Check(userDirectories ?? [], includeShipped: true, testShipped: false);
        if (result.Errors.Count > 0)
            throw new KnowledgeException(result.Errors);
        return new KnowledgeBase(result.Issues);
    }

    /// <summary>
    /// Reads the given directories (and the shipped entries, so duplicate ids are found) and returns what
    /// loaded and every mistake. A missing directory is an environment error and throws.
    /// With <paramref name="shadowShipped"/>, a user file named like a shipped one replaces it for this check:
    /// `kb validate knowledge` checks the working copy of the shipped files, not the built-in copy.
    /// </summary>
    public static KnowledgeCheck Check(IEnumerable<string> directories, bool includeShipped = true, bool shadowShipped = false,
        bool testShipped = true)
    {
        var errors = new List<KnowledgeError>();
        var issues = new List<KnownIssue>();
        var userFiles = directories.SelectMany(UserFiles).ToList();
        var shadowed = shadowShipped ? userFiles.Select(p => ResourcePrefix + Path.GetFileName(p)).ToHashSet(StringComparer.Ordinal) : [];
        var files = 0;
        if (includeShipped)
            foreach (var (name, text) in ShippedFiles())
            {
                if (shadowed.Contains(name))
                    continue;
                files++;
                Add(KnownIssueReader.Read(text, name, errors), issues);
            }
        // Shipped entries come first in the list: those are the ones left untested on request.
        var untested = testShipped ? 0 : issues.Count;
        foreach (var path in userFiles)
        {
            files++;
            Add(KnownIssueReader.Read(File.ReadAllText(path), path, errors), issues);
        }
        FindDuplicates(issues, errors);
        foreach (var issue in issues.Skip(untested))
            RunOwnTests(issue, errors);
        if (testShipped)
            RequireChinese(issues, errors);
        var ordered = errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return new KnowledgeCheck(issues, ordered, files);
    }

    /// <summary>The shipped files as (name, text), e.g. (`knowledge/inet-diag-....yaml`, ...).</summary>
    public static IEnumerable<(string Name, string Text)> ShippedFiles()
    {
        var assembly = typeof(KnowledgeLoader).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"resource {name} is listed but cannot be opened");
            using var reader = new StreamReader(stream);
            yield return (name, reader.ReadToEnd());
        }
    }

    private static IEnumerable<string> UserFiles(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"knowledge directory '{directory}' does not exist");
        return Directory.EnumerateFiles(directory)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static void Add(KnownIssue? issue, List<KnownIssue> issues)
    {
        if (issue is not null)
            issues.Add(issue);
    }

    private static void FindDuplicates(List<KnownIssue> issues, List<KnowledgeError> errors)
    {
        var first = new Dictionary<string, KnownIssue>(StringComparer.Ordinal);
        for (var i = 0; i < issues.Count; i++)
        {
            if (first.TryGetValue(issues[i].Id, out var earlier))
            {
                errors.Add(new KnowledgeError(issues[i].Source, issues[i].Line, "id", $"duplicate id '{issues[i].Id}', already defined in {earlier.Source}"));
                issues.RemoveAt(i--);
            }
            else
                first[issues[i].Id] = issues[i];
        }
    }

    /// <summary>
    /// A shipped entry (or the working copy of one, named like it) must say every sentence in Chinese too; a user's
    /// own entry may leave `zh:` out. Checked where the entries' own tests run (`kb validate`, the test suite).
    /// </summary>
    private static void RequireChinese(List<KnownIssue> issues, List<KnowledgeError> errors)
    {
        var shipped = ShippedFiles().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            if (!shipped.Contains(ResourcePrefix + Path.GetFileName(issue.Source)))
                continue;
            foreach (var (field, missing) in KnownIssueLanguage.MissingChinese(issue))
                errors.Add(new KnowledgeError(issue.Source, issue.Line, field, $"{missing}: every shipped entry is translated"));
        }
    }

    private static void RunOwnTests(KnownIssue issue, List<KnowledgeError> errors)
    {
        foreach (var test in issue.Tests.Matches)
            if (IssueMatcher.Match(issue, test.ToReport(issue.Source)) is null)
                errors.Add(new KnowledgeError(issue.Source, test.Line, "tests.matches", "this example report does not match the entry's `match:` conditions"));
        foreach (var test in issue.Tests.NearMisses)
            if (IssueMatcher.Match(issue, test.ToReport(issue.Source)) is not null)
                errors.Add(new KnowledgeError(issue.Source, test.Line, "tests.nearMisses", $"this near miss matches the entry but must not ({test.Why})"));
    }
}
