namespace PanicLens.Signatures;

/// <summary>Literal text a pattern's matches must contain, for prefilters in front of the regex engine.</summary>
public static class PatternLiterals
{
    private const string Meta = "\\.[](){}*+?|^$";

    /// <summary>
    /// The leading literal of each top-level alternative (`a|b`), or null when some alternative starts with
    /// regex syntax (then no prefilter is possible). An escaped character ends a literal.
    /// </summary>
    public static string[]? Leading(string? pattern)
    {
        if (pattern is null)
            return null;
        var literals = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= pattern.Length; i++)
        {
            if (i < pattern.Length && pattern[i] == '\\')
            {
                i++;
                continue;
            }
            if (i < pattern.Length && pattern[i] != '|')
            {
                depth += pattern[i] == '(' ? 1 : pattern[i] == ')' ? -1 : 0;
                continue;
            }
            if (depth != 0)
                continue;
            if (LeadingOf(pattern, start, i) is not { } literal)
                return null;
            literals.Add(literal);
            start = i + 1;
        }
        return [.. literals];
    }

    private static string? LeadingOf(string pattern, int start, int end)
    {
        var i = start;
        while (i < end && !Meta.Contains(pattern[i]))
            i++;
        if (i < end && pattern[i] is '?' or '*' or '{')
            i--;
        return i - start < 2 ? null : pattern[start..i];
    }
}
