using System.Globalization;
using System.Reflection;
using System.Resources;

namespace PanicLens.Localization;

/// <summary>
/// Sentences a person reads, looked up by key in an assembly's .resx resources for the current UI culture
/// (<see cref="CultureInfo.CurrentUICulture"/>, which flows into tasks): English in the neutral file, Chinese in
/// the `zh-CN` satellite. Values are composite format strings (`{0}`), filled with invariant formatting.
/// </summary>
public sealed class ResourceText(string baseName, Assembly assembly)
{
    public ResourceManager Resources { get; } = new(baseName, assembly);

    /// <summary>The sentence for <paramref name="key"/>; a key missing from the neutral file is a programmer error.</summary>
    public string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"no resource '{key}' in {Resources.BaseName}");

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>Every key and value of one culture's own file (no fallback), for the completeness tests.</summary>
    public IReadOnlyDictionary<string, string> Entries(CultureInfo culture)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null)
            return entries;
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            if (entry.Value is string value)
                entries[(string)entry.Key] = value;
        }
        return entries;
    }
}
