using System.Text;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// Wraps prose to a terminal width counting display columns: a CJK character takes two columns, and Chinese text,
/// which has no spaces, may break between any two such characters. Lines break at spaces otherwise; a word longer
/// than the width (a URL) stays whole.
/// </summary>
public static class TextWrap
{
    public const int Width = 100;

    /// <summary>The lines of <paramref name="text"/>, the first after <paramref name="first"/>, the rest after <paramref name="indent"/>.</summary>
    public static IReadOnlyList<string> Lines(string first, string text, string indent, int width = Width)
    {
        var lines = new List<string>();
        var line = new StringBuilder(first);
        var column = Columns(first);
        var start = true;
        foreach (var token in Tokens(text))
        {
            var w = Columns(token);
            var space = token == " ";
            if (column + w > width && !start)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear().Append(indent);
                column = Columns(indent);
                start = true;
                if (space)
                    continue;
            }
            if (space && start)
                continue;
            line.Append(token);
            column += w;
            start = false;
        }
        lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="columns"/> display columns, ending in `…` when cut.</summary>
    public static string Cut(string text, int columns)
    {
        if (Columns(text) <= columns)
            return text;
        var sb = new StringBuilder();
        var used = 0;
        foreach (var c in text)
        {
            var w = Columns(c);
            if (used + w > columns - 1)
                break;
            sb.Append(c);
            used += w;
        }
        return sb.ToString().TrimEnd() + "…";
    }

    /// <summary>Pads with spaces to <paramref name="columns"/> display columns.</summary>
    public static string Pad(string text, int columns) => text + new string(' ', Math.Max(0, columns - Columns(text)));

    public static int Columns(string text)
    {
        var n = 0;
        foreach (var c in text)
            n += Columns(c);
        return n;
    }

    /// <summary>East Asian wide and full-width characters (Unicode UAX #11, the ranges Chinese text uses).</summary>
    public static int Columns(char c) => Wide(c) ? 2 : 1;

    private static bool Wide(char c) =>
        c is >= '\u1100' and <= '\u115f' or >= '\u2e80' and <= '\u303e' or >= '\u3041' and <= '\ua4cf'
            or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f'
            or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6';

    /// <summary>Chinese punctuation that may not start a line, and brackets that may not end one.</summary>
    private const string NoLineStart = "，。；：、！？）」』】”’";
    private const string NoLineEnd = "（「『【“‘";

    /// <summary>
    /// Words, single spaces, and each wide character on its own (a place to break); closing punctuation stays with
    /// the character before it and an opening bracket with the one after it.
    /// </summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c == ' ' || Wide(c))
            {
                if (word.Length > 0)
                    tokens.Add(word.ToString());
                word.Clear();
                if (NoLineStart.Contains(c) && tokens.Count > 0 && tokens[^1] != " ")
                    tokens[^1] += c;
                else
                    tokens.Add(c.ToString());
                continue;
            }
            if (tokens.Count > 0 && word.Length == 0 && tokens[^1].Length > 0 && NoLineEnd.Contains(tokens[^1][^1]))
            {
                word.Append(tokens[^1]);
                tokens.RemoveAt(tokens.Count - 1);
            }
            word.Append(c);
        }
        if (word.Length > 0)
            tokens.Add(word.ToString());
        return Glue(tokens);
    }

    /// <summary>An opening bracket token joins the token after it.</summary>
    private static List<string> Glue(List<string> tokens)
    {
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            if (tokens[i].Length > 0 && NoLineEnd.Contains(tokens[i][^1]) && tokens[i + 1] != " ")
            {
                tokens[i] += tokens[i + 1];
                tokens.RemoveAt(i + 1);
            }
        }
        return tokens;
    }
}
