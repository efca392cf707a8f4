using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>
/// Tests a function name against a table of patterns (one NonBacktracking regex per row: linear time, and
/// small enough for the automaton limit one joined pattern exceeds). Frame names repeat across reports, so
/// answers are cached, up to <see cref="MaxCached"/> names.
/// </summary>
public sealed class NameMatcher
{
    private const int MaxCached = 16384;

    private readonly Regex[] rows;
    private readonly ConcurrentDictionary<string, bool> cache = new(StringComparer.Ordinal);

    public NameMatcher(IEnumerable<string> patterns)
    {
        rows = patterns.Select(FramePatterns.Compile).ToArray();
    }

    public bool IsMatch(string name)
    {
        if (cache.TryGetValue(name, out var known))
            return known;
        var match = false;
        foreach (var row in rows)
            if (row.IsMatch(name))
            {
                match = true;
                break;
            }
        if (cache.Count < MaxCached)
            cache.TryAdd(name, match);
        return match;
    }
}
