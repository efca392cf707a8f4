using System.Text;
using PanicLens.Ingest;
using PanicLens.Model;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// Titles, types and corrupted flags of the first report of every file in ../shared/corpus/syzkaller-linux,
/// against the syzbot convention. Files in <see cref="AllowedFailures"/> may disagree, each for the reason given;
/// an allowed file that starts to agree fails too, so the list stays reviewed.
/// </summary>
public sealed class SyzkallerCorpusTests(ITestOutputHelper output)
{
    /// <summary>Reviewed disagreements: file → why we accept it. Must stay under 2% of the corpus.</summary>
    private static readonly Dictionary<string, string> AllowedFailures = new()
    {
        ["197"] = "corrupted: the convention checks for a stack in the text after the report ended (the next CPU's oops); we check the report's own lines, which have none",
    };

    public static IEnumerable<object[]> Files() => SyzkallerCase.Files().Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Files))]
    public void First_report_gets_the_conventional_title_type_and_corrupted_flag(string name)
    {
        var c = Load(name);
        var reports = CorpusPipeline.Reports(c.Log, name);
        if (!c.HasCrash)
        {
            Assert.True(reports.Count == 0, $"want no report, got '{reports.FirstOrDefault()?.Title}' at line {reports.FirstOrDefault()?.StartLine}");
            return;
        }
        var got = Assert.Single(reports.Take(1));
        var agrees = Agrees(c, got);
        if (AllowedFailures.TryGetValue(name, out var reason))
        {
            Assert.False(agrees, $"{name} now agrees: remove it from the allowed failures ({reason})");
            return;
        }
        Assert.Equal(c.Title, got.Title);
        Assert.Equal(c.Type, got.Type);
        Assert.True(c.Corrupted == got.Corrupted, $"corrupted: want {c.Corrupted}, got {got.Corrupted} ({got.CorruptionReason})");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reading_from_a_report_start_or_in_small_chunks_gives_the_same_reports(string name)
    {
        var c = Load(name);
        var whole = CorpusPipeline.Reports(c.Log, name);
        var chunked = CorpusPipeline.Reports(LineReader.Read(new ChunkedStream(Encoding.Latin1.GetBytes(c.Log), 7)), name);
        Assert.Equal(Titles(whole), Titles(chunked));
        if (whole.Count == 0)
            return;
        var lines = c.Log.Split('\n');
        Assert.All(whole, r => Assert.InRange(r.StartLine, 1, r.EndLine));
        Assert.All(whole, r => Assert.InRange(r.EndLine, r.StartLine, lines.Length));
        var fromStart = string.Join('\n', lines[(whole[0].StartLine - 1)..]);
        Assert.Equal(whole[0].Title, CorpusPipeline.Reports(fromStart, name)[0].Title);
    }

    [Fact]
    public void Corpus_agreement_rates_reach_the_targets()
    {
        int titled = 0, titles = 0, types = 0, corrupted = 0, negatives = 0, negativesOk = 0;
        var disagreements = new List<string>();
        foreach (var path in SyzkallerCase.Files())
        {
            var c = SyzkallerCase.Load(path);
            var reports = CorpusPipeline.Reports(c.Log, c.Name);
            if (!c.HasCrash)
            {
                negatives++;
                negativesOk += reports.Count == 0 ? 1 : 0;
                if (reports.Count > 0)
                    disagreements.Add($"{c.Name}: want no report, got '{reports[0].Title}'");
                continue;
            }
            titled++;
            var got = reports.Count > 0 ? reports[0] : null;
            titles += got?.Title == c.Title ? 1 : 0;
            types += (got?.Type ?? "") == c.Type ? 1 : 0;
            corrupted += (got?.Corrupted ?? false) == c.Corrupted ? 1 : 0;
            if (got is null || !Agrees(c, got))
                disagreements.Add($"{c.Name}: want '{c.Title}' [{c.Type}] corrupted={c.Corrupted}; got '{got?.Title}' [{got?.Type}] corrupted={got?.Corrupted} {got?.CorruptionReason}");
        }
        foreach (var line in disagreements)
            output.WriteLine(line);
        output.WriteLine($"titles {Rate(titles, titled)}, types {Rate(types, titled)}, corrupted {Rate(corrupted, titled)}, no-crash files without a report {negativesOk}/{negatives}");
        Assert.True(titles >= 0.99 * titled, $"titles agree on {Rate(titles, titled)}");
        Assert.True(types >= 0.99 * titled, $"types agree on {Rate(types, titled)}");
        Assert.True(corrupted >= 0.98 * titled, $"corrupted flags agree on {Rate(corrupted, titled)}");
        Assert.Equal(negatives, negativesOk);
        Assert.True(AllowedFailures.Count < 0.02 * (titled + negatives), $"{AllowedFailures.Count} allowed failures is 2% of the corpus or more");
    }

    private static SyzkallerCase Load(string name) => SyzkallerCase.Load(Path.Combine(RepoPaths.Corpus("syzkaller-linux"), name));

    private static bool Agrees(SyzkallerCase c, CrashReport got) =>
        got.Title == c.Title && got.Type == c.Type && got.Corrupted == c.Corrupted;

    private static List<string> Titles(List<CrashReport> reports) => reports.ConvertAll(r => $"{r.StartLine}-{r.EndLine} {r.Title}");

    private static string Rate(int ok, int all) => $"{ok}/{all} ({100.0 * ok / Math.Max(1, all):F1}%)";
}
