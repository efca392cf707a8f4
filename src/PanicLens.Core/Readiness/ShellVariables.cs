namespace PanicLens.Readiness;

/// <summary>Reads NAME=value lines of sourced shell config files (/etc/sysconfig/*, /etc/default/*). No expansion.</summary>
public static class ShellVariables
{
    public static Dictionary<string, string> Parse(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line["export ".Length..].TrimStart();
            var eq = line.IndexOf('=');
            if (line.StartsWith('#') || eq <= 0 || line[..eq].Contains(' '))
                continue;
            var value = line[(eq + 1)..].Trim();
            var hash = value.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0 && !value.StartsWith('"') && !value.StartsWith('\''))
                value = value[..hash];
            values[line[..eq]] = value.Trim().Trim('"', '\'');
        }
        return values;
    }
}
