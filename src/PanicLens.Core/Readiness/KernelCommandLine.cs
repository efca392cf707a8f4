namespace PanicLens.Readiness;

/// <summary>Reads parameters from a kernel or hypervisor command line (<c>name=value</c> words, double quotes allowed).</summary>
public static class KernelCommandLine
{
    /// <summary>Every value given for a parameter, in order; a bare flag (<c>noreboot</c>) yields an empty value.</summary>
    public static IReadOnlyList<string> Values(string? commandLine, string name)
    {
        var values = new List<string>();
        foreach (var word in Words(commandLine))
        {
            var eq = word.IndexOf('=');
            var key = eq < 0 ? word : word[..eq];
            if (key == name)
                values.Add(eq < 0 ? "" : word[(eq + 1)..].Trim('"'));
        }
        return values;
    }

    /// <summary>The last value given (the kernel lets a later parameter override an earlier one), or null.</summary>
    public static string? Last(string? commandLine, string name)
    {
        var values = Values(commandLine, name);
        return values.Count == 0 ? null : values[^1];
    }

    public static bool Has(string? commandLine, string name) => Values(commandLine, name).Count > 0;

    public static IEnumerable<string> Words(string? commandLine)
    {
        if (string.IsNullOrEmpty(commandLine))
            yield break;
        var start = -1;
        var quoted = false;
        for (var i = 0; i <= commandLine.Length; i++)
        {
            var end = i == commandLine.Length;
            var c = end ? ' ' : commandLine[i];
            if (c == '"')
                quoted = !quoted;
            if (!end && (quoted || !char.IsWhiteSpace(c)))
            {
                if (start < 0)
                    start = i;
                continue;
            }
            if (start >= 0)
                yield return commandLine[start..i];
            start = -1;
        }
    }
}
