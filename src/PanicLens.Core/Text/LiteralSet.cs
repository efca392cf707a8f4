namespace PanicLens.Text;

/// <summary>
/// Finds which of up to 64 literals occur in a short line. One pass over the line looks each pair of adjacent
/// characters up in a bitmap of the literals' first two characters; only a hit compares whole literals.
/// On short report lines and a few dozen literals of which some are short, this beat a vectorised multi-string
/// search (SearchValues) by about a third in bench --pieces; with a few long literals, or on whole syslog streams,
/// SearchValues wins, and those callers keep it.
/// </summary>
public sealed class LiteralSet
{
    public const int MaxLiterals = 64;

    private readonly string[] _literals;
    /// <summary>Bit (a &lt;&lt; 8 | b) is set when some literal starts with the characters a, b (low bytes).</summary>
    private readonly ulong[] _pairs = new ulong[65536 / 64];
    /// <summary>For each first character (low byte), the literals starting with it, as bits.</summary>
    private readonly ulong[] _byFirst = new ulong[256];

    public LiteralSet(IReadOnlyList<string> literals)
    {
        if (literals.Count > MaxLiterals)
            throw new ArgumentException($"{literals.Count} literals; a LiteralSet holds at most {MaxLiterals}", nameof(literals));
        _literals = [.. literals];
        for (var i = 0; i < _literals.Length; i++)
        {
            var literal = _literals[i];
            if (literal.Length < 2)
                throw new ArgumentException($"literal '{literal}' is shorter than two characters", nameof(literals));
            var pair = Pair(literal[0], literal[1]);
            _pairs[pair >> 6] |= 1UL << (pair & 63);
            _byFirst[literal[0] & 0xFF] |= 1UL << i;
        }
    }

    public IReadOnlyList<string> Literals => _literals;

    /// <summary>The literals found in <paramref name="text"/>, as bits by their index.</summary>
    public ulong Find(ReadOnlySpan<char> text) => Scan(text, stopAtFirst: false);

    /// <summary>True when any literal occurs in <paramref name="text"/>.</summary>
    public bool Any(ReadOnlySpan<char> text) => Scan(text, stopAtFirst: true) != 0;

    private ulong Scan(ReadOnlySpan<char> text, bool stopAtFirst)
    {
        ulong found = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var pair = Pair(text[i], text[i + 1]);
            if ((_pairs[pair >> 6] & (1UL << (pair & 63))) == 0)
                continue;
            var rest = text[i..];
            for (var candidates = _byFirst[text[i] & 0xFF]; candidates != 0; candidates &= candidates - 1)
            {
                var index = System.Numerics.BitOperations.TrailingZeroCount(candidates);
                if (!rest.StartsWith(_literals[index], StringComparison.Ordinal))
                    continue;
                found |= 1UL << index;
                if (stopAtFirst)
                    return found;
            }
        }
        return found;
    }

    private static int Pair(char a, char b) => (a & 0xFF) << 8 | (b & 0xFF);
}
