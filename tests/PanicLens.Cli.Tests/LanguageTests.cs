using System.Text.RegularExpressions;
using PanicLens.Cli.Localization;
using PanicLens.Localization;

namespace PanicLens.Cli.Tests;

/// <summary>
/// Every English sentence the command line shows has a Chinese counterpart: each key of the neutral resources
/// (Words for the command line, Sentences for the analysis and the checks, Messages for `serve`, StoreMessages for the store) has a zh-CN value with the same format
/// slots, and every key the code asks for exists. The language comes from --lang or the locale variables.
/// </summary>
public sealed partial class LanguageTests
{
    public static TheoryData<string> Resources() => new() { "Words", "Sentences", "Messages", "StoreMessages" };

    private static ResourceText Text(string name) => name switch
    {
        "Words" => Words.Text,
        "Messages" => PanicLens.Server.Localization.Messages.Text,
        "StoreMessages" => PanicLens.Storage.Localization.StoreMessages.Text,
        _ => PanicLens.Localization.Sentences.Text,
    };

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Slot();

    [GeneratedRegex(@"\b(?<class>Words|Sentences|Messages|StoreMessages)\.(?:Get|Format)\(""(?<key>[^""]+)""")]
    private static partial Regex KeyUse();

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_english_resource_has_a_chinese_counterpart_with_the_same_slots(string name)
    {
        var english = Text(name).Entries(UiLanguage.English);
        var chinese = Text(name).Entries(UiLanguage.Chinese);

        Assert.NotEmpty(english);
        var missing = english.Keys.Where(k => !chinese.TryGetValue(k, out var zh) || (string.IsNullOrWhiteSpace(zh) && !string.IsNullOrWhiteSpace(english[k]))).Order().ToList();
        Assert.True(missing.Count == 0, $"{name}: no Chinese for {missing.Count} key(s): {string.Join(", ", missing)}");
        var slots = english.Keys.Where(k => !SameSlots(english[k], chinese[k])).Order().ToList();
        Assert.True(slots.Count == 0, $"{name}: format slots differ for {string.Join(", ", slots)}");
        // Sentences' Chinese also holds the analysis tables' rows by their English text (Core's TableSentenceTests).
        var extra = name != "Sentences" ? chinese.Keys.Except(english.Keys).Order().ToList() : [];
        Assert.True(extra.Count == 0, $"{name}: Chinese keys with no English: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists_in_english()
    {
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match use in KeyUse().Matches(File.ReadAllText(file)))
            {
                var entries = Text(use.Groups["class"].Value).Entries(UiLanguage.English);
                if (!entries.ContainsKey(use.Groups["key"].Value))
                    missing.Add($"{Path.GetFileName(file)}: {use.Groups["class"].Value} {use.Groups["key"].Value}");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", true)]
    [InlineData("zh_CN", true)]
    [InlineData("zh-CN", true)]
    [InlineData("zh_SG.utf8", true)]
    [InlineData("zh-Hans", true)]
    [InlineData("zh_TW.UTF-8", false)]
    [InlineData("en_US.UTF-8", false)]
    [InlineData("C", false)]
    [InlineData("de_DE.UTF-8", false)]
    public void Locales_map_to_chinese_or_english(string locale, bool chinese)
    {
        Assert.Equal(chinese, UiLanguage.IsChinese(UiLanguage.FromEnvironment(name => name == "LANG" ? locale : null)));
    }

    [Fact]
    public void LC_ALL_wins_over_LC_MESSAGES_which_wins_over_LANG()
    {
        var env = new Dictionary<string, string> { ["LC_ALL"] = "C", ["LC_MESSAGES"] = "zh_CN.UTF-8", ["LANG"] = "zh_CN.UTF-8" };
        Assert.False(UiLanguage.IsChinese(UiLanguage.FromEnvironment(name => env.GetValueOrDefault(name))));
        env.Remove("LC_ALL");
        env["LANG"] = "C";
        Assert.True(UiLanguage.IsChinese(UiLanguage.FromEnvironment(name => env.GetValueOrDefault(name))));
    }

    [Fact]
    public void Help_is_in_chinese_with_lang_and_an_unknown_language_is_a_usage_error()
    {
        var help = CliRun.Invoke("--lang", "zh-CN", "--help");
        Assert.Contains("输出语言", help.Stdout);

        var bad = CliRun.Invoke("--lang", "xx", "analyze", "-");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--lang xx", bad.Stderr);
    }

    private static bool SameSlots(string english, string chinese) =>
        Slot().Matches(english).Select(m => m.Value).Order().SequenceEqual(Slot().Matches(chinese).Select(m => m.Value).Order());
}
