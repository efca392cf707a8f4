namespace PanicLens.Model;

/// <summary>
/// The text shape of register dump lines: `RAX: 0000 RBX: ffff ...`, `FS:  00007f3d(0000) GS:ffff..`, arm32
/// `r10: c41b  r9 : ffff`, arm `r7:00000001 r6:...`, ppc `GPR00: a b c d` (four registers per name). A report keeps
/// its dump lines and reads them into name → value only when the values are asked for (<see cref="CrashReport.Registers"/>):
/// most reports are titled, bucketed and stored without anyone reading a register.
/// </summary>
internal static class RegisterDump
{
    /// <summary>Reads one dump line's values; the first value of a name wins (later dumps belong to other contexts).</summary>
    public static void ReadInto(string text, Dictionary<string, string> values)
    {
        int i = 0;
        while (TryNameRange(text, ref i, out var start, out var end))
            ReadValues(text, ref i, text.AsSpan(start, end - start), values);
    }

    /// <summary>Moves past the values that follow a name, as <see cref="ReadInto"/> would read them.</summary>
    public static void SkipValues(string text, ref int i, ReadOnlySpan<char> name) => ReadValues(text, ref i, name, null);

    private static void ReadValues(string text, ref int i, ReadOnlySpan<char> name, Dictionary<string, string>? values)
    {
        int count = name.StartsWith("GPR", StringComparison.Ordinal) ? 4 : 1;
        int number = count == 4 && int.TryParse(name[3..], out var n) ? n : 0;
        for (int k = 0; k < count; k++)
        {
            var (start, length) = NextToken(text, ref i);
            if (length == 0 || !char.IsAsciiHexDigit(text[start]))
                break;
            if (values is null)
                continue;
            var key = count == 4 ? "GPR" + (number + k).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : name.ToString();
            values.TryAdd(key, text.Substring(start, length));
        }
    }

    /// <summary>A `NAME:` or `NAME :` token at <paramref name="i"/>, possibly glued to its value (`r7:00000001`, `GS:ffff..`).</summary>
    public static bool TryNameRange(string text, ref int i, out int start, out int end)
    {
        end = 0;
        while (i < text.Length && text[i] == ' ')
            i++;
        start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            i++;
        end = i;
        if (end == start)
            return false;
        int j = i;
        while (j < text.Length && j - end < 2 && text[j] == ' ')
            j++;
        if (j >= text.Length || text[j] != ':')
            return false;
        i = j + 1;
        return true;
    }

    private static (int Start, int Length) NextToken(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
            i++;
        int start = i;
        while (i < text.Length && text[i] != ' ')
            i++;
        return (start, i - start);
    }
}
