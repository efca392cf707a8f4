namespace PanicLens.Mining.Checking;

/// <summary>
/// Writes the digest the parser's authors work from: the figures, then the failures grouped by rule and cause,
/// largest group first, each with its count and a few excerpts of the mined text (from different files).
/// </summary>
public static class DigestWriter
{
    private const int ExamplesPerGroup = 3;
    private const int LinesBefore = 4;
    private const int LinesAfter = 9;

    /// <summary>Groups at least this large get a breakdown by prefix shape.</summary>
    private const int ShapesFrom = 10;

    private static readonly string[] RuleOrder =
    [
        CheckRules.NotDetected, CheckRules.FunctionMissing, CheckRules.TitleCorrupted, CheckRules.TaskMissing,
        CheckRules.KernelMissing, CheckRules.TaskDiffers, CheckRules.KernelDiffers, CheckRules.FunctionNotInText,
        CheckRules.CutShort, CheckRules.NoEvidence, CheckRules.PipelineError,
    ];

    public static void Write(TextWriter output, string figures, IReadOnlyList<Failure> failures)
    {
        var subjects = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        output.WriteLine("# Mined mailing-list reports: label-free check digest");
        output.WriteLine();
        output.WriteLine("```");
        output.Write(figures);
        output.WriteLine("```");
        output.WriteLine();
        output.WriteLine("Evidence is read from the raw text of each report's own region (see the README section \"Measured on");
        output.WriteLine("mined mailing-list reports\"). Causes are named from what the text shows (quoting, the shape of the prefix");
        output.WriteLine("with letters as `a` and digits as `9`, the printed form); they group failures, they are not verdicts.");
        output.WriteLine("Excerpts: `>` after the line number marks the evidence line.");
        output.WriteLine();
        output.WriteLine("| rule | failures | largest causes |");
        output.WriteLine("|---|---|---|");
        foreach (var rule in RuleOrder)
        {
            var causes = failures.Where(f => f.Rule == rule).GroupBy(f => f.Cause).OrderByDescending(g => g.Count()).ToList();
            if (causes.Count > 0)
                output.WriteLine($"| {rule} | {causes.Sum(g => g.Count())} | {string.Join("; ", causes.Take(3).Select(g => $"{g.Count()} {g.Key.Replace("|", "\\|", StringComparison.Ordinal)}"))} |");
        }
        foreach (var rule in RuleOrder)
        {
            var ofRule = failures.Where(f => f.Rule == rule).ToList();
            if (ofRule.Count == 0)
                continue;
            output.WriteLine();
            output.WriteLine($"## {rule}: {ofRule.Count} failures");
            foreach (var group in ofRule.GroupBy(f => f.Cause).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                WriteGroup(output, group.Key, group.ToList(), subjects);
        }
    }

    private static void WriteGroup(TextWriter output, string cause, List<Failure> group, Dictionary<string, Dictionary<string, string>> subjects)
    {
        output.WriteLine();
        output.WriteLine($"### {group.Count} × {cause}");
        var shapes = group.Where(f => f.Detail is not null).GroupBy(f => f.Detail!).OrderByDescending(g => g.Count()).ToList();
        if (group.Count >= ShapesFrom && shapes.Count > 1)
        {
            output.WriteLine();
            output.WriteLine("by what stands before the evidence: " +
                string.Join(", ", shapes.Take(8).Select(g => $"{g.Count()} {g.Key.Replace("prefix ", "", StringComparison.Ordinal)}")) +
                (shapes.Count > 8 ? $", {shapes.Skip(8).Sum(g => g.Count())} in {shapes.Count - 8} other shapes" : ""));
        }
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in group)
        {
            if (shown.Count == ExamplesPerGroup || !shown.Add(failure.File))
                continue;
            output.WriteLine();
            output.WriteLine($"`{failure.File}` line {failure.Line}{Subject(failure.File, subjects)}{Had(failure)}");
            output.WriteLine("```");
            output.WriteLine(Excerpt(failure));
            output.WriteLine("```");
        }
    }

    /// <summary>The subject of the mail, from the `index.tsv` beside it (none for files not mined by us).</summary>
    private static string Subject(string file, Dictionary<string, Dictionary<string, string>> subjectsByFolder)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "";
        if (!subjectsByFolder.TryGetValue(folder, out var subjects))
        {
            subjects = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = Path.Combine(folder, Mining.MinedStore.IndexName);
            if (File.Exists(index))
                foreach (var line in File.ReadLines(index, System.Text.Encoding.Latin1))
                {
                    var fields = line.Split('\t');
                    if (fields.Length > 5)
                        subjects[fields[0]] = fields[5];
                }
            subjectsByFolder[folder] = subjects;
        }
        return subjects.TryGetValue(Path.GetFileName(file), out var subject) ? $" («{subject.Replace("`", "'", StringComparison.Ordinal)}»)" : "";
    }

    private static string Had(Failure failure) => failure.Rule is CheckRules.NotDetected or CheckRules.PipelineError
        ? ""
        : $" — report lines {failure.ReportStart}-{failure.ReportEnd}: title `{failure.Title}`, function `{failure.Function}`, " +
          $"comm `{failure.Comm}` pid `{failure.Pid}`, kernel `{failure.Kernel}`" +
          (failure.Corrupted ? $", corrupted ({failure.CorruptionReason})" : "");

    private static string Excerpt(Failure failure)
    {
        if (!File.Exists(failure.File) || failure.Line == 0)
            return failure.Evidence;
        var text = MailText.Load(failure.File);
        var lines = new List<string>();
        for (var line = Math.Max(1, failure.Line - LinesBefore); line <= Math.Min(text.Count, failure.Line + LinesAfter); line++)
        {
            var content = text[line];
            lines.Add($"{line,5}{(line == failure.Line ? '>' : ' ')} {(content.Length > 140 ? content[..140] + "…" : content)}");
        }
        return string.Join('\n', lines).Replace("```", "'''", StringComparison.Ordinal);
    }
}
