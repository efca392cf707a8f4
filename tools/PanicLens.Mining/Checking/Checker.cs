using PanicLens.Model;

namespace PanicLens.Mining.Checking;

/// <summary>
/// Runs every mined file through the PanicLens pipeline (<see cref="ReportPipeline"/>, the one the CLI runs) and
/// holds its reports to the evidence in the raw text. Files are `DIR/&lt;list&gt;/*.txt` or `DIR/*.txt`; the
/// folder a file sits in names its list in the figures.
/// </summary>
public sealed class Checker
{
    private readonly List<Failure> failures = [];
    private readonly ReportChecker reportChecker;
    private readonly MissedCrashFinder missedCrashFinder;

    public Checker()
    {
        reportChecker = new ReportChecker(failures);
        missedCrashFinder = new MissedCrashFinder(failures);
    }

    public CheckFigures Total { get; } = new();
    public SortedDictionary<string, CheckFigures> ByList { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<Failure> Failures => failures;

    public static IEnumerable<string> Files(IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            if (File.Exists(root))
            {
                yield return root;
                continue;
            }
            var files = Directory.GetFiles(root, "*.txt", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
                yield return file;
        }
    }

    public void CheckFile(string file)
    {
        var list = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? "";
        if (!ByList.TryGetValue(list, out var listFigures))
            ByList[list] = listFigures = new CheckFigures();
        var figures = new FigureSet(Total, listFigures);
        figures.Count(f => f.Files++);
        var text = MailText.Load(file);
        var evidence = new EvidenceIndex(text);
        List<CrashReport> reports;
        try
        {
            using var stream = new MemoryStream(text.Bytes, writable: false);
            reports = new ReportPipeline().Analyze(stream, file).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The parser must not throw on any input; the check's boundary records it as a failure to fix.
            figures.Count(f => f.PipelineErrors++);
            failures.Add(new Failure(file, 0, CheckRules.PipelineError, e.GetType().Name, e.Message));
            return;
        }
        if (reports.Count > 0)
            figures.Count(f => f.FilesWithReport++);
        for (var i = 0; i < reports.Count; i++)
        {
            var nextStart = int.MaxValue;
            foreach (var other in reports)
                if (other.StartLine > reports[i].StartLine)
                    nextStart = Math.Min(nextStart, other.StartLine);
            reportChecker.Check(file, reports[i], text, evidence, nextStart, figures);
        }
        missedCrashFinder.Find(file, evidence, reports, figures);
    }
}
