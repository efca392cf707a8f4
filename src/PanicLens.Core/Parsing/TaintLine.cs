namespace PanicLens.Parsing;

/// <summary>
/// The tail of a task line after the comm: `[Kdump: loaded] Not tainted|Tainted: P        W  [-----] 2.6.32.36-xen #1 [board]`.
/// Taint letters come back one space apart (`P W`); the board is only trusted from the 2.6-era `Pid:` line.
/// </summary>
internal readonly record struct TaintLine(bool Found, string? Taint, string? Kernel, string? Rest)
{
    /// <summary>Where the comm ends in a task line: before the first of these.</summary>
    public static int CommEnd(string text, int from)
    {
        int end = -1;
        foreach (var marker in CommTerminators)
        {
            int at = text.IndexOf(marker, from, StringComparison.Ordinal);
            if (at >= 0 && (end < 0 || at < end))
                end = at;
        }
        return end;
    }

    private static readonly string[] CommTerminators = [" Not tainted", " Tainted:", " Kdump:"];

    public static TaintLine Parse(string text, int from)
    {
        var rest = text.AsSpan(from).TrimStart();
        if (rest.StartsWith("Kdump: loaded"))
            rest = rest[13..].TrimStart();
        string? taint;
        if (rest.StartsWith("Not tainted"))
        {
            rest = rest[11..];
            taint = null;
        }
        else if (rest.StartsWith("Tainted:"))
            taint = ReadLetters(ref rest);
        else
            return default;
        var tokens = rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int i = 0;
        string? kernel = null;
        // A release is version-shaped (`4.8.0-rc3+`), or whatever stands before the build number (syzkaller's `syzkaller #0`).
        if (i < tokens.Length && (IsRelease(tokens[i]) || (i + 1 < tokens.Length && tokens[i + 1].StartsWith('#'))))
            kernel = WithoutBuildNumber(tokens[i++].TrimEnd(')').TrimStart('('));
        if (i < tokens.Length && tokens[i].StartsWith('#'))
            i++;
        string? board = i < tokens.Length ? string.Join(' ', tokens, i, tokens.Length - i) : null;
        return new TaintLine(true, taint, kernel, board);
    }

    /// <summary>
    /// print_tainted(): one column per flag, a blank for an unset one (`P        W`, `GF          O`); RHEL glues its
    /// `--------------` build marker on. Reads up to the release and returns the letters one space apart.
    /// </summary>
    private static string? ReadLetters(ref ReadOnlySpan<char> rest)
    {
        rest = rest[8..];
        Span<char> letters = stackalloc char[64];
        int n = 0;
        int i = 0;
        while (i < rest.Length && (rest[i] == ' ' || rest[i] == '-' || char.IsAsciiLetterUpper(rest[i])))
        {
            if (char.IsAsciiLetterUpper(rest[i]) && n + 2 <= letters.Length)
            {
                if (n > 0)
                    letters[n++] = ' ';
                letters[n++] = rest[i];
            }
            i++;
        }
        rest = rest[i..];
        return n == 0 ? null : letters[..n].ToString();
    }

    /// <summary>
    /// `2.6.32-279.el6.x86_64#1`: consoles and mail that lose the blank glue the build number (`#1 SMP`, utsname
    /// version) onto the release; a release never holds `#`.
    /// </summary>
    private static string WithoutBuildNumber(string release)
    {
        int hash = release.IndexOf('#');
        return hash > 0 ? release[..hash] : release;
    }

    private static bool IsRelease(string token)
    {
        var t = token.TrimStart('(');
        return t.Length > 1 && char.IsAsciiDigit(t[0]) && t.Contains('.');
    }
}
