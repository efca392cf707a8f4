using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// Titles, types and corrupted flags of the first report of every syzkaller corpus file. Files in
/// <see cref="AllowedFailures"/> may disagree (each with its reason); every other file must agree.
/// </summary>
public sealed class SyzkallerCorpusTests(ITestOutputHelper output)
{
    /// <summary>Reviewed disagreements: file → why we accept it. Must stay under 2% of the corpus.</summary>
    private static readonly Dictionary<string, string> AllowedFailures = new()
    {
    };

    public static IEnumerable<object[]> Files() => SyzkallerCase.Files().Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void Corpus_agreement_rates_reach_the_targets()
    {
        int total = 0, titled = 0, titles = 0, types = 0, corrupted = 0, negatives = 0, negativesOk = 0;
        var failures = new List<string>();
        foreach (var path in SyzkallerCase.Files())
        {
            var c = SyzkallerCase.Load(path);
            var reports = CorpusPipeline.Reports(c.Log, c.Name);
            total++;
            if (!c.HasCrash)
            {
                negatives++;
                if (reports.Count == 0)
                    negativesOk++;
                else
                    failures.Add($"{c.Name}: want no report, got '{reports[0].Title}'");
                continue;
            }
            titled++;
            var got = reports.Count > 0 ? reports[0] : null;
            var titleOk = got?.Title == c.Title;
            var typeOk = (got?.Type ?? "") == c.Type;
            var corruptOk = (got?.Corrupted ?? false) == c.Corrupted;
            titles += titleOk ? 1 : 0;
            types += typeOk ? 1 : 0;
            corrupted += corruptOk ? 1 : 0;
            if (!titleOk || !typeOk || !corruptOk)
                failures.Add($"{c.Name}: want '{c.Title}' [{c.Type}] corrupted={c.Corrupted}; got '{got?.Title}' [{got?.Type}] corrupted={got?.Corrupted} ({got?.CorruptionReason})");
        }
        output.WriteLine($"titles {Rate(titles, titled)}, types {Rate(types, titled)}, corrupted {Rate(corrupted, titled)}, negatives {negativesOk}/{negatives}");
        foreach (var failure in failures)
            output.WriteLine(failure);
        var dump = Environment.GetEnvironmentVariable("PANICLENS_CORPUS_DUMP");
        if (dump is not null)
            File.WriteAllLines(dump, [$"titles {Rate(titles, titled)}, types {Rate(types, titled)}, corrupted {Rate(corrupted, titled)}, negatives {negativesOk}/{negatives}", .. failures]);
        Assert.True(titles >= 0.85 * titled, $"titles agree on {Rate(titles, titled)}");
    }

    private static string Rate(int ok, int all) => $"{ok}/{all} ({100.0 * ok / Math.Max(1, all):F1}%)";
}
