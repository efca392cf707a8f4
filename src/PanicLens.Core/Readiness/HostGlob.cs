namespace PanicLens.Readiness;

/// <summary>Expands a host path whose last part may hold <c>*</c> (<c>/etc/modprobe.d/*.conf</c>) against a host tree.</summary>
public static class HostGlob
{
    public static IEnumerable<string> Expand(HostTree tree, string pattern)
    {
        var slash = pattern.LastIndexOf('/');
        var name = pattern[(slash + 1)..];
        if (!name.Contains('*'))
            return [pattern];
        var dir = slash <= 0 ? "/" : pattern[..slash];
        return tree.List(dir).Where(n => Matches(name, n)).Select(n => dir.TrimEnd('/') + "/" + n);
    }

    /// <summary>Matches a name against a pattern where <c>*</c> is any run of characters (no other wildcards).</summary>
    public static bool Matches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal))
            return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var found = last ? (name.Length - parts[i].Length >= at && name.EndsWith(parts[i], StringComparison.Ordinal) ? name.Length - parts[i].Length : -1)
                : name.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
                return false;
            at = found + parts[i].Length;
        }
        return true;
    }
}
