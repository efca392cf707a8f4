using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// Issue 10 §3: every corpus log, changed the way captures change it (re-prefixed, quoted, indented, CRLF, foreign
/// lines, cut into two reads, noise around), must give the same number of reports and the same title, function,
/// comm, pid, module and kernel in its first report. Each kind prints its pass count and its not-yet list.
/// </summary>
public sealed class MetamorphicTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, Outcome> Originals = new();

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in VariantKinds.All)
            data.Add(kind.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_corpus_log_reads_the_same_in_every_variant_of_the_kind(string kind)
    {
        var variantKind = VariantKinds.All.Single(k => k.Name == kind);
        var listed = NotYet.Entries.Where(e => e.Kind == kind).ToList();
        var unexpected = new List<string>();
        var stale = new List<string>();
        var seen = new HashSet<(string, string)>();
        int run = 0, passed = 0;
        var perVariant = new SortedDictionary<string, (int Run, int Passed)>(StringComparer.Ordinal);
        foreach (var log in CorpusLog.All)
        {
            var want = Originals.GetOrAdd(log.Name, _ => Outcome.Of(log.Text));
            foreach (var variant in variantKind.Variants(log))
            {
                using var stream = variant.Open();
                if (DumpRequested(log, variant))
                    File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "paniclens-variant.log"), ReadAll(variant));
                var diff = Outcome.Of(stream).Differences(want);
                var group = kind == "chunks" ? "cut" : variant.Name;
                var (r, p) = perVariant.GetValueOrDefault(group);
                perVariant[group] = (r + 1, p + (diff.Length == 0 ? 1 : 0));
                run++;
                var isListed = listed.Any(e => e.Log == log.Name && e.Variant == variant.Name);
                seen.Add((log.Name, variant.Name));
                if (diff.Length == 0)
                {
                    passed++;
                    if (isListed)
                        stale.Add($"{log.Name} [{variant.Name}]");
                }
                else if (!isListed)
                    unexpected.Add($"(\"{kind}\", \"{log.Name}\", \"{variant.Name}\", \"{diff.Replace("\"", "\\\"", StringComparison.Ordinal)}\"),");
            }
        }
        output.WriteLine($"{kind} ({variantKind.Why}): {passed}/{run} variants read as the original");
        foreach (var (name, (r, p)) in perVariant)
            output.WriteLine($"  {name}: {p}/{r}");
        output.WriteLine($"not yet ({listed.Count}):");
        foreach (var entry in listed)
            output.WriteLine($"  {entry.Log} [{entry.Variant}]: {entry.Reason}");
        foreach (var entry in listed)
            if (!seen.Contains((entry.Log, entry.Variant)))
                stale.Add($"{entry.Log} [{entry.Variant}] (no such variant)");
        foreach (var line in unexpected)
            output.WriteLine("unexpected: " + line);
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} variants differ from their original (listed in the output)");
        Assert.True(stale.Count == 0, "now passing, remove from the not-yet list: " + string.Join(", ", stale));
    }

    /// <summary>`PANICLENS_DUMP_VARIANT="production/x.log|login prompt"` writes that variant to $TMP/paniclens-variant.log, to look at.</summary>
    private static bool DumpRequested(CorpusLog log, Variant variant) =>
        Environment.GetEnvironmentVariable("PANICLENS_DUMP_VARIANT") == log.Name + "|" + variant.Name;

    private static byte[] ReadAll(Variant variant)
    {
        using var stream = variant.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
