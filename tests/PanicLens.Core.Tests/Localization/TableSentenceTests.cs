using PanicLens.Analysis;
using PanicLens.Localization;

namespace PanicLens.Core.Tests.Localization;

/// <summary>
/// The sentences of the analysis tables are translated by their English text (<see cref="Sentences.Translate"/>):
/// every row's sentence has a Chinese counterpart, and every Chinese entry belongs to a neutral key or a table row,
/// so a reworded row cannot keep a stale translation.
/// </summary>
public sealed class TableSentenceTests
{
    public static IEnumerable<string> TableSentences()
    {
        foreach (var row in PanicReasons.All)
            yield return row.Explanation;
        foreach (var row in HypervisorOutcomes.All)
        {
            yield return row.Effect;
            yield return row.Outcome;
        }
        foreach (var row in AddressRegions.All)
            yield return row.Explanation;
        foreach (var row in PoisonValues.All)
            yield return row.Explanation;
        foreach (var row in TaintLetters.All.Concat(XenTaintLetters.All))
            yield return row.Meaning;
        foreach (var row in PageFaultBits.All)
        {
            yield return row.WhenSet;
            yield return row.WhenClear;
        }
        foreach (var row in EntryPathSteps.All)
        {
            yield return row.Headline ?? "";
            yield return row.Gist ?? "";
        }
        foreach (var row in InstructionNotes.All)
            yield return row.Explanation;
        foreach (var row in ArgumentRegisters.All)
            yield return row.Convention;
        foreach (var row in PanicLens.Readiness.ReadinessChecks.All)
            yield return row.Title;
        foreach (var row in PanicLens.Readiness.PanicSetting.All)
        {
            yield return row.Off;
            yield return row.On;
        }
        foreach (var row in PanicLens.Readiness.CollectionExclusions.All)
            yield return row.Why;
        foreach (var row in PanicLens.Readiness.CrashKernelSize.Recommended)
            yield return row.Why;
        foreach (var row in PanicLens.Readiness.KdumpPlanSteps.All)
        {
            yield return row.Title;
            yield return row.Why;
        }
    }

    [Fact]
    public void Every_table_sentence_has_a_chinese_translation()
    {
        var chinese = Sentences.Text.Entries(UiLanguage.Chinese);

        var missing = TableSentences().Where(s => s.Length > 0 && !chinese.ContainsKey(s)).Distinct().ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} table sentence(s) without Chinese:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void Every_chinese_entry_is_a_neutral_key_or_a_table_sentence()
    {
        var known = Sentences.Text.Entries(UiLanguage.English).Keys.Concat(TableSentences()).ToHashSet(StringComparer.Ordinal);

        var stale = Sentences.Text.Entries(UiLanguage.Chinese).Keys.Where(k => !known.Contains(k)).ToList();

        Assert.True(stale.Count == 0, $"Chinese entries for no sentence (a row was reworded?):\n{string.Join("\n", stale)}");
    }

    [Fact]
    public void Translate_gives_chinese_under_zh_CN_and_the_english_text_otherwise()
    {
        var english = PanicReasons.All[0].Explanation;
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = UiLanguage.Chinese;
            Assert.StartsWith("oops 发生在中断上下文中", Sentences.Translate(english));
            System.Globalization.CultureInfo.CurrentUICulture = UiLanguage.English;
            Assert.Equal(english, Sentences.Translate(english));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }
}
