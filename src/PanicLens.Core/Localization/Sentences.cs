namespace PanicLens.Localization;

/// <summary>The analysis' and readiness checks' sentences (Localization/Sentences.resx and its zh-CN satellite).</summary>
public static class Sentences
{
    public static ResourceText Text { get; } = new("PanicLens.Localization.Sentences", typeof(Sentences).Assembly);

    public static string Get(string key) => Text.Get(key);

    public static string Format(string key, params object?[] args) => Text.Format(key, args);
}
