using System.Text;

namespace PanicLens.Ingest;

/// <summary>
/// Just enough JSON for one-object-per-line logs: finds the values of a few top-level fields in one forward pass
/// (nested values are skipped by bracket depth, strings by their escapes) and decodes a string value. No recursion,
/// no backtracking; a malformed line is simply not JSON.
/// </summary>
internal static class JsonLine
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Fills <paramref name="values"/>[k] with the range of the raw value of top-level field <paramref name="names"/>[k]
    /// (a string keeps its quotes); an absent field leaves an empty range. False when the line is not one JSON object.
    /// </summary>
    public static bool TryFields(ReadOnlySpan<char> s, ReadOnlySpan<string> names, Span<Range> values)
    {
        var i = SkipBlanks(s, 0);
        if (i >= s.Length || s[i] != '{')
            return false;
        i++;
        while (true)
        {
            i = SkipBlanks(s, i);
            if (i >= s.Length)
                return false;
            if (s[i] == '}')
                return true;
            if (s[i] != '"')
                return false;
            var keyEnd = StringEnd(s, i);
            if (keyEnd < 0)
                return false;
            var key = s[(i + 1)..(keyEnd - 1)];
            i = SkipBlanks(s, keyEnd);
            if (i >= s.Length || s[i] != ':')
                return false;
            i = SkipBlanks(s, i + 1);
            var valueEnd = ValueEnd(s, i);
            if (valueEnd <= i)
                return false;
            for (var k = 0; k < names.Length; k++)
                if (key.SequenceEqual(names[k]))
                    values[k] = new Range(i, valueEnd);
            i = SkipBlanks(s, valueEnd);
            if (i < s.Length && s[i] == ',')
                i++;
        }
    }

    public static bool IsString(ReadOnlySpan<char> value) => value.Length >= 2 && value[0] == '"';

    /// <summary>
    /// The text of a JSON string value (quotes included in <paramref name="quoted"/>). Escapes are decoded; a char past
    /// Latin-1 becomes its UTF-8 bytes, one char each, as the line reader would have read it raw; control chars are
    /// dropped (ANSI sequences whole), as the line reader drops them.
    /// </summary>
    public static string Text(ReadOnlySpan<char> quoted)
    {
        var inner = quoted[1..^1];
        if (inner.IndexOf('\\') < 0)
            return inner.ToString();
        var text = new StringBuilder(inner.Length);
        var escape = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\' && i + 1 < inner.Length)
            {
                i++;
                c = inner[i] switch
                {
                    'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f',
                    'u' when i + 4 < inner.Length && int.TryParse(inner.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code)
                        => (char)code,
                    var other => other,
                };
                if (inner[i] == 'u' && i + 4 < inner.Length)
                    i += 4;
            }
            Append(text, c, ref escape);
        }
        return text.ToString();
    }

    /// <summary>A JSON array of byte values (journald writes a MESSAGE that is not UTF-8 so), as Latin-1 text.</summary>
    public static string Bytes(ReadOnlySpan<char> array)
    {
        var text = new StringBuilder(array.Length / 3);
        var escape = 0;
        var value = -1;
        foreach (var c in array[1..])
        {
            if (char.IsAsciiDigit(c))
                value = Math.Max(value, 0) * 10 + (c - '0');
            else if (value >= 0)
            {
                if (value <= 0xFF)
                    Append(text, (char)value, ref escape);
                value = -1;
            }
        }
        return text.ToString();
    }

    /// <summary>Appends one decoded char; <paramref name="escape"/>: 0 text, 1 after ESC, 2 inside ESC [ ... (ended by a byte in @..~).</summary>
    private static void Append(StringBuilder text, char c, ref int escape)
    {
        switch (escape)
        {
            case 1:
                escape = c == '[' ? 2 : 0;
                return;
            case 2:
                if (c >= '@' && c <= '~')
                    escape = 0;
                return;
        }
        if (c == '\u001b')
            escape = 1;
        else if (c == '\t' || c >= ' ' && c != '\u007f' && c <= '\u00ff')
            text.Append(c);
        else if (c > '\u00ff')
            foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                text.Append((char)b);
    }

    private static int StringEnd(ReadOnlySpan<char> s, int quote)
    {
        var i = quote + 1;
        while (i < s.Length)
        {
            var next = s[i..].IndexOfAny('"', '\\');
            if (next < 0)
                return -1;
            i += next;
            if (s[i] == '"')
                return i + 1;
            i += 2;
        }
        return -1;
    }

    private static int ValueEnd(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length)
            return -1;
        if (s[i] == '"')
            return StringEnd(s, i);
        if (s[i] == '{' || s[i] == '[')
        {
            var depth = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == '"')
                {
                    i = StringEnd(s, i);
                    if (i < 0)
                        return -1;
                    continue;
                }
                if (c == '{' || c == '[')
                {
                    if (++depth > MaxDepth)
                        return -1;
                }
                else if ((c == '}' || c == ']') && --depth == 0)
                    return i + 1;
                i++;
            }
            return -1;
        }
        var end = s[i..].IndexOfAny(",}] \t");
        return end < 0 ? -1 : i + end;
    }

    private static int SkipBlanks(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
            i++;
        return i;
    }
}
