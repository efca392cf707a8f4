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
            if (LeadingOf(pattern, start, i) is { } literal)
                literals.Add(literal);
            else if (GroupAlternatives(pattern, start, i) is { } group)
                literals.AddRange(group);
            else
                return null;
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

    /// <summary>`(?:IP|NIP|pc )...`: an alternative that opens with a group of plain words starts with one of them.</summary>
    private static string[]? GroupAlternatives(string pattern, int start, int end)
    {
        if (!pattern.AsSpan(start, end - start).StartsWith("(?:"))
            return null;
        var close = pattern.IndexOf(')', start);
        if (close < 0 || close >= end || (close + 1 < end && pattern[close + 1] is '?' or '*' or '{'))
            return null;
        var words = pattern[(start + 3)..close].Split('|');
        foreach (var word in words)
            if (word.Length < 2 || word.AsSpan().IndexOfAny(Meta) >= 0)
                return null;
        return words;
    }

    /// <summary>
    /// Literal runs every match must contain: the plain (or `\.`-escaped punctuation) text of the pattern's top
    /// level, outside groups and classes, minus characters a quantifier makes optional. Empty when the pattern
    /// has a top-level alternative (`a|b`), which makes no run required. Runs shorter than two characters are dropped.
    /// </summary>
    public static string[] Required(string pattern)
    {
        var runs = new List<string>();
        var run = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var escaped = pattern[++i];
                if (depth == 0 && !char.IsAsciiLetterOrDigit(escaped))
                    AddChar(pattern, i, escaped, run, runs);
                else if (depth == 0)
                    EndRun(run, runs);
                continue;
            }
            if (c == '[')
            {
                // A class matches one character of a set: skip to its closing `]` (a `]` first in the set is literal).
                i++;
                if (i < pattern.Length && pattern[i] == '^')
                    i++;
                if (i < pattern.Length && pattern[i] == ']')
                    i++;
                while (i < pattern.Length && pattern[i] != ']')
                    i += pattern[i] == '\\' ? 2 : 1;
                if (depth == 0)
                    EndRun(run, runs);
                continue;
            }
            if (c == '(')
            {
                if (depth == 0)
                    EndRun(run, runs);
                depth++;
                continue;
            }
            if (c == ')')
            {
                depth--;
                continue;
            }
            if (depth > 0)
                continue;
            if (c == '|')
                return [];
            if (Meta.Contains(c))
            {
                EndRun(run, runs);
                if (c == '{')
                    while (i < pattern.Length && pattern[i] != '}')
                        i++;
                continue;
            }
            AddChar(pattern, i, c, run, runs);
        }
        EndRun(run, runs);
        return [.. runs];
    }

    /// <summary>Adds the literal character at <paramref name="at"/> unless a quantifier after it lets it be absent.</summary>
    private static void AddChar(string pattern, int at, char c, System.Text.StringBuilder run, List<string> runs)
    {
        var next = at + 1 < pattern.Length ? pattern[at + 1] : '\0';
        if (next is '?' or '*' || (next == '{' && at + 2 < pattern.Length && pattern[at + 2] == '0'))
        {
            EndRun(run, runs);
            return;
        }
        run.Append(c);
        if (next is '+' or '{')
            EndRun(run, runs);
    }

    private static void EndRun(System.Text.StringBuilder run, List<string> runs)
    {
        if (run.Length >= 2)
            runs.Add(run.ToString());
        run.Clear();
    }
}
