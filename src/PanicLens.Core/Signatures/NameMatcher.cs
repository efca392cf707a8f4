using System.Collections.Concurrent;
using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// Tests a function name against a table of patterns, one <see cref="ShortTextRegex"/> per row (names are short;
/// the rows build in microseconds, where NonBacktracking automata took a few hundred milliseconds at start-up).
/// Frame names repeat across reports, so answers are cached, up to <see cref="MaxCached"/> names.
/// </summary>
public sealed class NameMatcher
{
    private const int MaxCached = 16384;

    private readonly ShortTextRegex[] rows;
    private readonly ConcurrentDictionary<string, bool> cache = new(StringComparer.Ordinal);

    public NameMatcher(IEnumerable<string> patterns)
        : this(patterns.Select(pattern => new ShortTextRegex(pattern)).ToArray())
    {
    }

    /// <summary>Rows already compiled, so tables shared by many formats compile once.</summary>
    public NameMatcher(ShortTextRegex[] rows)
    {
        this.rows = rows;
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
