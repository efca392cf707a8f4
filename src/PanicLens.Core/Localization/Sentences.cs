namespace PanicLens.Localization;

/// <summary>The analysis' and readiness checks' sentences (Localization/Sentences.resx and its zh-CN satellite).</summary>
public static class Sentences
{
    public static ResourceText Text { get; } = new("PanicLens.Localization.Sentences", typeof(Sentences).Assembly);

    public static string Get(string key) => Text.Get(key);

    public static string Format(string key, params object?[] args) => Text.Format(key, args);

    /// <summary>
    /// A sentence of a data table (panic reasons, address regions, taint letters...) in the current language: the
    /// English text is the key, as with <c>IStringLocalizer</c>, so the tables stay readable; the zh-CN resources
    /// map it to Chinese, and English (or a missing translation, which a test forbids) returns it unchanged.
    /// </summary>
    public static string Translate(string english) =>
        english.Length == 0 ? english : Text.Resources.GetString(english, System.Globalization.CultureInfo.CurrentUICulture) ?? english;
}
