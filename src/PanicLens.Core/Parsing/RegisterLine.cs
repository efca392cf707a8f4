using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Reads register dump lines: `RAX: 0000 RBX: ffff ...`, `FS:  00007f3d(0000) GS:ffff..`, arm32 `r10: c41b  r9 : ffff`,
/// arm `r7:00000001 r6:...`, ppc `GPR00: a b c d` (four registers per name). The first value of a name wins:
/// later dumps in a report belong to other contexts (user registers, other CPUs).
/// </summary>
internal static class RegisterLine
{
    public static bool TryRead(string text, CrashReport report, ref string? arch)
    {
        int i = 0;
        if (!TryNameRange(text, ref i, out var start, out var end) || !RegisterNames.IsRegister(text.AsSpan(start, end - start)))
            return false;
        i = 0;
        while (TryName(text, ref i, out var name, out var nameArch))
        {
            int count = name.StartsWith("GPR", StringComparison.Ordinal) ? 4 : 1;
            int number = count == 4 && int.TryParse(name.AsSpan(3), out var n) ? n : 0;
            for (int k = 0; k < count; k++)
            {
                var value = NextToken(text, ref i);
                if (value.Length == 0 || !char.IsAsciiHexDigit(value[0]))
                    break;
                var key = count == 4 ? "GPR" + (number + k).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : name;
                report.Registers.TryAdd(key, value);
            }
            if (nameArch.Length > 0)
                arch ??= nameArch;
        }
        return true;
    }

    /// <summary>
    /// A `NAME:` or `NAME :` token, possibly glued to its value (`r7:00000001`, `GS:ffff..`). A known register name
    /// comes back as the table's string with its architecture ("" when shared); another name as itself, with "".
    /// </summary>
    private static bool TryName(string text, ref int i, out string name, out string nameArch)
    {
        name = "";
        nameArch = "";
        if (!TryNameRange(text, ref i, out var start, out var end))
            return false;
        if (!RegisterNames.TryFind(text.AsSpan(start, end - start), out name, out nameArch))
        {
            name = text[start..end];
            nameArch = "";
        }
        return true;
    }

    private static bool TryNameRange(string text, ref int i, out int start, out int end)
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

    private static string NextToken(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
            i++;
        int start = i;
        while (i < text.Length && text[i] != ' ')
            i++;
        return text[start..i];
    }
}
