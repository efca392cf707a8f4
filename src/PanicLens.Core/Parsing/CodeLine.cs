using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Reads `Code:` bytes: x86 `Code: 46 08 .. &lt;48&gt; 8b 06 ..` (the marked byte starts the faulting instruction),
/// arm/arm64 words `Code: d503201f d503201f (f9400000) ..`, Thumb half-words, ppc `Instruction dump:` words with `&lt;..&gt;`.
/// Words are stored little-endian. Reading stops at the first token that is no code (a cut line, a `&gt;` ellipsis).
/// </summary>
internal static class CodeLine
{
    private const int MaxBytes = 512;

    public static bool TryRead(string text, out CodeBytes code)
    {
        code = null!;
        var bytes = new List<byte>(Math.Min(text.Length / 3 + 1, MaxBytes));
        int faultIndex = -1;
        int wordSize = 0;
        int i = 0;
        while (i < text.Length && bytes.Count < MaxBytes)
        {
            while (i < text.Length && text[i] == ' ')
                i++;
            int start = i;
            while (i < text.Length && text[i] != ' ')
                i++;
            if (i == start)
                break;
            var token = text.AsSpan(start, i - start);
            bool marked = token.Length > 2 && ((token[0] == '<' && token[^1] == '>') || (token[0] == '(' && token[^1] == ')'));
            if (marked)
                token = token[1..^1];
            if (token.Length is not (2 or 4 or 8) || (wordSize != 0 && token.Length != wordSize * 2)
                || !TryHex(token, out var value))
                break;
            wordSize = token.Length / 2;
            if (marked && faultIndex < 0)
                faultIndex = bytes.Count;
            for (int b = 0; b < wordSize; b++)
                bytes.Add((byte)(value >> (8 * b)));
        }
        if (bytes.Count == 0)
            return false;
        code = new CodeBytes([.. bytes], faultIndex, wordSize, text);
        return true;
    }

    /// <summary>Hex digits (at most 8) as a number; false on any other character.</summary>
    private static bool TryHex(ReadOnlySpan<char> token, out uint value)
    {
        value = 0;
        foreach (var c in token)
        {
            var digit = HexDigit(c);
            if (digit < 0)
                return false;
            value = value << 4 | (uint)digit;
        }
        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
