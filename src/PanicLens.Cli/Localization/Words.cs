using PanicLens.Localization;

namespace PanicLens.Cli.Localization;

/// <summary>The command line's own words: headings, labels, help and errors (Localization/Words.resx and its zh-CN satellite).</summary>
public static class Words
{
    public static ResourceText Text { get; } = new("PanicLens.Cli.Localization.Words", typeof(Words).Assembly);

    public static string Get(string key) => Text.Get(key);

    public static string Format(string key, params object?[] args) => Text.Format(key, args);
}
