using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Reads `Modules linked in: a b(P) c(+)(U) [last unloaded: x]`. Wrapped lists continue on following lines made of
/// module names only; the caller offers those lines while <see cref="Open"/> says the list may go on.
/// A journal pager's `&gt;` ellipsis at a cut line end is dropped.
/// </summary>
internal sealed class ModuleList
{
    private const string Header = "Modules linked in:";
    private const string LastUnloaded = "[last unloaded:";
    private const int MaxContinuations = 8;
    /// <summary>Real systems load a few hundred modules; more is garbage.</summary>
    private const int MaxModules = 2048;
    private int _continuations;

    public bool Open { get; private set; }

    public static bool IsHeader(string text) => text.StartsWith(Header, StringComparison.Ordinal);

    public void ReadHeader(string text, CrashReport report)
    {
        bool first = report.Modules.Count == 0 && !Open;
        Open = first;
        _continuations = 0;
        if (first)
            ReadNames(text.AsSpan(Header.Length), report);
    }

    /// <summary>Takes a line that may continue the list; false (and the list closes) when it does not.</summary>
    public bool TryContinue(string text, CrashReport report)
    {
        if (!Open || ++_continuations > MaxContinuations || !IsNameLine(text))
        {
            Open = false;
            return false;
        }
        ReadNames(text, report);
        return true;
    }

    private void ReadNames(ReadOnlySpan<char> text, CrashReport report)
    {
        int unloaded = text.IndexOf(LastUnloaded, StringComparison.Ordinal);
        if (unloaded >= 0)
        {
            var rest = text[(unloaded + LastUnloaded.Length)..];
            int close = rest.IndexOf(']');
            var name = (close >= 0 ? rest[..close] : rest).Trim();
            if (name.Length > 0)
                report.LastUnloaded ??= name.ToString();
            text = text[..unloaded];
            Open = false;
        }
        foreach (var range in text.Split(' '))
        {
            if (report.Modules.Count >= MaxModules)
                break;
            var token = text[range].Trim().TrimEnd('>');
            if (token.Length == 0)
                continue;
            int paren = token.IndexOf('(');
            if (paren == 0)
                continue;
            var name = paren > 0 ? token[..paren] : token;
            string? flags = paren > 0 ? FlagsOf(token[paren..]) : null;
            report.Modules.Add(new ModuleEntry(name.ToString(), flags));
        }
    }

    /// <summary>`(P)` → `P`, `(+)(U)` → `+U`, `(POE)` → `POE`.</summary>
    private static string FlagsOf(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 32)];
        int n = 0;
        foreach (char c in text)
            if (c != '(' && c != ')' && n < buffer.Length)
                buffer[n++] = c;
        return buffer[..n].ToString();
    }

    private static bool IsNameLine(string text)
    {
        if (text.Length == 0)
            return false;
        bool letter = false;
        foreach (char c in text)
        {
            if (char.IsAsciiLetter(c))
                letter = true;
            else if (!(char.IsAsciiDigit(c) || c is '_' or '-' or ' ' or '(' or ')' or '+' or '>' or '[' or ']' or ':'))
                return false;
        }
        return letter && (!text.Contains(':') || text.Contains(LastUnloaded));
    }
}
