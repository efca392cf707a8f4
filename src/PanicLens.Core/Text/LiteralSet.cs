using System.Runtime.CompilerServices;

namespace PanicLens.Text;

/// <summary>
/// Tells whether a line holds any of a few dozen literals (ordinal), for the per-line tests of the detector and the
/// parser, most of whose lines hold none. Each position's pair of characters (their low bytes) is looked up in a 64 Ki-bit
/// table of the literals' first two characters; only a hit compares the literals that start with that pair.
/// </summary>
/// <remarks>
/// Why not <c>SearchValues&lt;string&gt;</c>: its vectorised search is a generic instantiation that ReadyToRun cannot
/// precompile and the JIT compiles unoptimised; in a process of a few seconds that code never tiers up, and the
/// detector's line test cost a fresh `scan` more than this table's scalar loop does (bench/PanicLens.ScanBench).
/// </remarks>
public sealed class LiteralSet
{
    private readonly ulong[] pairs = new ulong[1 << 10];
    /// <summary>The literals of each pair of first characters (key: low bytes of the two).</summary>
    private readonly Dictionary<int, string[]> byPair = [];
    private readonly bool holdsEmpty;

    /// <summary>The one-character literals.</summary>
    private readonly string singleChars = "";

    public LiteralSet(IEnumerable<string> literals)
    {
        var groups = new Dictionary<int, List<string>>();
        foreach (var literal in literals)
        {
            if (literal.Length == 0)
            {
                // The empty string is found in every text (as SearchValues finds it).
                holdsEmpty = true;
                continue;
            }
            if (literal.Length == 1)
            {
                singleChars += literal;
                continue;
            }
            var key = Key(literal[0], literal[1]);
            pairs[key >> 6] |= 1UL << (key & 0x3F);
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = [];
            if (!group.Contains(literal))
                group.Add(literal);
        }
        foreach (var (key, group) in groups)
            byPair[key] = [.. group];
    }

    /// <summary>Whether <paramref name="text"/> holds one of the literals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool FoundIn(ReadOnlySpan<char> text)
    {
        if (holdsEmpty)
            return true;
        if (text.Length == 0)
            return false;
        var pairTable = pairs;
        var anySingle = singleChars.Length > 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var key = Key(text[i], text[i + 1]);
            if ((pairTable[key >> 6] & (1UL << (key & 0x3F))) != 0 && StartsAt(text[i..], key))
                return true;
            if (anySingle && IsSingle(text[i]))
                return true;
        }
        return anySingle && IsSingle(text[^1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Key(char first, char second) => (first & 0xFF) << 8 | (second & 0xFF);

    private bool StartsAt(ReadOnlySpan<char> text, int key)
    {
        if (!byPair.TryGetValue(key, out var literals))
            return false;
        foreach (var literal in literals)
            if (text.StartsWith(literal, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Whether <paramref name="c"/> itself is a literal.</summary>
    private bool IsSingle(char c) => singleChars.Contains(c, StringComparison.Ordinal);
}
