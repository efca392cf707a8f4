using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PanicLens.Knowledge;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>
/// Pins the seed's JSON `diagnosis` (Cases/xen-dom0-inet-diag.diagnosis.json) and checks that the log's prefixes do not
/// change it. Set PANICLENS_UPDATE_GOLDEN=1 to rewrite the golden file after a reviewed change.
/// </summary>
public sealed class SeedGoldenTests(ITestOutputHelper log)
{
    private static readonly KnowledgeBase Shipped = KnowledgeLoader.Load();

    // The same settings as the CLI's JSON writer (camelCase, enums in camelCase, nulls written).
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string GoldenPath => Path.Combine(RepoPaths.Root, "tests", "PanicLens.Core.Tests", "Analysis", "Cases", "xen-dom0-inet-diag.diagnosis.json");

    [Fact]
    public void Seed_diagnosis_matches_the_golden_json()
    {
        var actual = DiagnosisJson(File.ReadAllText(RepoPaths.Example("xen-dom0-inet-diag.log")));

        if (Environment.GetEnvironmentVariable("PANICLENS_UPDATE_GOLDEN") == "1")
            File.WriteAllText(GoldenPath, actual);
        var expected = File.ReadAllText(GoldenPath).ReplaceLineEndings("\n");
        if (expected != actual)
            log.WriteLine(actual);
        Assert.Equal(expected, actual);
    }

    public static TheoryData<string, string> Prefixes() => new()
    {
        { "bare", "" },
        { "dmesg", "[ 1234.567890] " },
        { "syslog", "Jan 14 01:04:26 dom0-17 kernel: " },
        { "syslog with dmesg time", "Jan 14 01:04:26 dom0-17 kernel: [ 1234.567890] " },
        { "journal short-iso", "2017-01-14T01:04:26+0800 dom0-17 kernel: " },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Seed_diagnosis_is_the_same_whatever_the_prefix(string style, string prefix)
    {
        var original = File.ReadAllLines(RepoPaths.Example("xen-dom0-inet-diag.log"));
        var rewritten = string.Join("\n", original.Select(line => Reprefix(line, prefix))) + "\n";

        var actual = DiagnosisJson(rewritten);

        Assert.True(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n") == actual, $"{style}: the diagnosis differs:\n{actual}");
    }

    /// <summary>Replaces the seed's `YYYY-MM-DD HH:MM:SS&lt;TAB&gt;` with another prefix; `(XEN)` lines keep theirs after it.</summary>
    private static string Reprefix(string line, string prefix)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return tab < 0 ? line : prefix + line[(tab + 1)..];
    }

    private static string DiagnosisJson(string text)
    {
        var reports = DiagnosisPipeline.Reports(text, "seed", Shipped);
        Assert.NotEmpty(reports);
        return JsonSerializer.Serialize(reports[0].Diagnosis, Json).ReplaceLineEndings("\n") + "\n";
    }
}
