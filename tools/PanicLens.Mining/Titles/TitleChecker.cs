using PanicLens.Mining.Checking;
using PanicLens.Mining.Mining;
using PanicLens.Model;

namespace PanicLens.Mining.Titles;

/// <summary>
/// Holds PanicLens's titles to the ones syzkaller itself gave: each mined syzbot report mail (`mine --syzbot`) is run
/// through the pipeline, and its first report's title is compared with the title in the mail's subject
/// (<see cref="SyzbotSubject"/>). Labels come from syzkaller's own code, so nothing here is hand-read.
/// </summary>
public sealed class TitleChecker
{
    private readonly List<TitleMiss> misses = [];

    public SortedDictionary<string, TitleFigures> ByList { get; } = new(StringComparer.Ordinal);
    public TitleFigures Total { get; } = new();
    public IReadOnlyList<TitleMiss> Misses => misses;

    public void CheckFolder(string root)
    {
        foreach (var index in Directory.EnumerateFiles(root, MinedStore.IndexName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(index)!;
            var list = Path.GetFileName(folder);
            if (!ByList.TryGetValue(list, out var figures))
                ByList[list] = figures = new TitleFigures();
            foreach (var line in File.ReadLines(index))
            {
                var fields = line.Split('\t');
                if (fields.Length < 6 || SyzbotSubject.Title(fields[5]) is not { } expected)
                    continue;
                Check(Path.Combine(folder, fields[0]), list, expected, figures);
            }
        }
    }

    private void Check(string file, string list, string expected, TitleFigures figures)
    {
        Count(figures, f => f.Mails++);
        var text = MailText.Load(file);
        List<CrashReport> reports;
        using (var stream = new MemoryStream(text.Bytes, writable: false))
            reports = new ReportPipeline().Analyze(stream, file).ToList();
        if (reports.Count == 0)
        {
            misses.Add(new TitleMiss(list, file, expected, null, []));
            return;
        }
        Count(figures, f => f.WithReport++);
        var first = reports[0].Title;
        if (first == expected)
        {
            Count(figures, f => f.FirstEqual++);
            return;
        }
        var titles = reports.Select(r => r.Title).ToList();
        if (titles.Contains(expected))
            Count(figures, f => f.AnyEqual++);
        misses.Add(new TitleMiss(list, file, expected, first, titles));
    }

    private void Count(TitleFigures figures, Action<TitleFigures> count)
    {
        count(figures);
        count(Total);
    }
}

/// <summary>Counts of one list (or all): mails, mails with a report, first title equal, another report's title equal.</summary>
public sealed class TitleFigures
{
    public int Mails { get; set; }
    public int WithReport { get; set; }
    public int FirstEqual { get; set; }
    public int AnyEqual { get; set; }
}

/// <summary>A mail whose first report is not titled as syzkaller titled it (<paramref name="Got"/> null: no report).</summary>
public sealed record TitleMiss(string List, string File, string Expected, string? Got, IReadOnlyList<string> Titles);
