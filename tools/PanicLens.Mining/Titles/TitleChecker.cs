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

    /// <summary>By the year the mail was sent: the convention's tables grow, so older subjects follow older rules.</summary>
    public SortedDictionary<string, TitleFigures> ByYear { get; } = new(StringComparer.Ordinal);
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
                var year = YearOf(fields[3]);
                if (!ByYear.TryGetValue(year, out var yearFigures))
                    ByYear[year] = yearFigures = new TitleFigures();
                Check(Path.Combine(folder, fields[0]), list, expected, new Tally(figures, yearFigures, Total));
            }
        }
    }

    /// <summary>The year of an RFC 5322 date (`Wed, 15 May 2019 14:37:05 -0700`), or `?`.</summary>
    private static string YearOf(string date)
    {
        foreach (var word in date.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word.Length == 4 && (word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal)) && word.All(char.IsAsciiDigit))
                return word;
        return "?";
    }

    private void Check(string file, string list, string expected, Tally figures)
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

    private static void Count(Tally tally, Action<TitleFigures> count)
    {
        count(tally.List);
        count(tally.Year);
        count(tally.All);
    }

    private sealed record Tally(TitleFigures List, TitleFigures Year, TitleFigures All);
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
