using System.Globalization;

namespace PanicLens.Localization;

/// <summary>
/// The languages PanicLens speaks: English (the neutral resources) and Simplified Chinese (the `zh-CN` satellites). A
/// language tag (`zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `en`) or a POSIX locale (`C`, `en_US.UTF-8`) maps to one of them.
/// The satellites are `zh-CN`, not `zh-Hans`: under invariant globalization (no ICU on a Dom0) a script subtag comes
/// back upper-cased (`zh-HANS`) and the satellite folder is not found on a case-sensitive file system.
/// </summary>
public static class UiLanguage
{
    public static CultureInfo English => CultureInfo.InvariantCulture;
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The language for <paramref name="tag"/>, or null when it names one PanicLens does not speak.</summary>
    public static CultureInfo? Resolve(string tag)
    {
        var t = tag.Trim();
        var cut = t.IndexOfAny(['.', '@']);
        if (cut >= 0)
            t = t[..cut];
        t = t.Replace('_', '-').ToLowerInvariant();
        if (t is "" or "c" or "posix" or "en" || t.StartsWith("en-", StringComparison.Ordinal))
            return English;
        // Traditional Chinese (Taiwan, Hong Kong, Macau, zh-Hant) is another script: not Simplified.
        if (t is "zh" or "zh-cn" or "zh-sg" or "zh-my" || t.StartsWith("zh-hans", StringComparison.Ordinal))
            return Chinese;
        return null;
    }

    /// <summary>POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set decides; one PanicLens does not speak means English.</summary>
    public static CultureInfo FromEnvironment(Func<string, string?> variable)
    {
        foreach (var name in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            var value = variable(name);
            if (!string.IsNullOrEmpty(value))
                return Resolve(value) ?? English;
        }
        return English;
    }

    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static bool CurrentIsChinese => IsChinese(CultureInfo.CurrentUICulture);
}
