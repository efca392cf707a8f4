using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// Tests a function name against a table of patterns with the table's meaning (any row matches), but without running
/// one regex per row: most rows are plain words, so rows are sorted by shape once. Unanchored words go into one
/// <see cref="LiteralSet"/> test, `^word` rows into a prefix list, `word\z` into a suffix list, `^word\z` into a
/// set, and only the few real patterns into one combined <see cref="ShortTextRegex"/> (linear-time fallback included).
/// The whole skip table joined into one pattern would not do: it is past the NonBacktracking engine's automaton limit
/// (14,360 nodes against 10,000), so it could only run on the backtracking engine, unguarded.
/// Frame names repeat across reports, so answers are cached, up to <see cref="MaxCached"/> names.
/// A matcher may stand in front of a shared one (<paramref name="fallback"/>): a format's extra rows before the global table.
/// </summary>
public sealed class NameMatcher
{
    private const int MaxCached = 16384;

    /// <summary>Regex syntax: a row holding any of these (past a leading `^` and trailing `\z`) is a real pattern.</summary>
    private static readonly SearchValues<char> Meta = SearchValues.Create("\\.[](){}*+?|^$");

    private readonly LiteralSet? words;
    private readonly string[] prefixes;
    private readonly string[] suffixes;
    private readonly FrozenSet<string> exact;
    private readonly ShortTextRegex? rest;
    private readonly NameMatcher? fallback;
    private readonly ConcurrentDictionary<string, bool> cache = new(StringComparer.Ordinal);

    public NameMatcher(IEnumerable<string> patterns, NameMatcher? fallback = null)
    {
        this.fallback = fallback;
        var found = new List<string>();
        var starts = new List<string>();
        var ends = new List<string>();
        var whole = new List<string>();
        var others = new List<string>();
        foreach (var pattern in patterns)
        {
            var (word, anchoredStart, anchoredEnd) = Shape(pattern);
            var list = word is null ? others : (anchoredStart, anchoredEnd) switch
            {
                (true, true) => whole,
                (true, false) => starts,
                (false, true) => ends,
                _ => found,
            };
            list.Add(word ?? pattern);
        }
        words = found.Count > 0 ? new LiteralSet(found) : null;
        prefixes = [.. starts];
        suffixes = [.. ends];
        exact = whole.ToFrozenSet(StringComparer.Ordinal);
        rest = others.Count > 0 ? new ShortTextRegex(string.Join('|', others.ConvertAll(p => "(?:" + p + ")"))) : null;
    }

    /// <summary>The plain word a row tests for and its anchors, or a null word when the row is a real pattern.</summary>
    public static (string? Word, bool AnchoredStart, bool AnchoredEnd) Shape(string pattern)
    {
        var start = pattern.StartsWith('^');
        var end = pattern.EndsWith("\\z", StringComparison.Ordinal);
        var word = pattern[(start ? 1 : 0)..(pattern.Length - (end ? 2 : 0))];
        return word.Length == 0 || word.AsSpan().ContainsAny(Meta) ? (null, false, false) : (word, start, end);
    }

    public bool IsMatch(string name)
    {
        if (cache.TryGetValue(name, out var known))
            return known;
        var match = Test(name) || (fallback?.IsMatch(name) ?? false);
        if (cache.Count < MaxCached)
            cache.TryAdd(name, match);
        return match;
    }

    private bool Test(string name)
    {
        if (words is not null && words.FoundIn(name))
            return true;
        foreach (var prefix in prefixes)
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        foreach (var suffix in suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                return true;
        return exact.Contains(name) || (rest?.IsMatch(name) ?? false);
    }
}
