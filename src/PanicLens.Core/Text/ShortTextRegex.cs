using System.Text.RegularExpressions;

namespace PanicLens.Text;

/// <summary>
/// A table pattern applied to short text: a function name, a console line, the first lines of a report. It runs on
/// the backtracking interpreter, which builds in microseconds and matches a short line with captures several times
/// faster than the NonBacktracking engine. The table patterns are simple, but a hostile line could still make one
/// backtrack heavily: after <see cref="Budget"/> the match is run again on a NonBacktracking copy (built then),
/// whose time is linear in the text and which finds the same match (both engines follow the same priorities;
/// ShortTextRegexTests and the corpus tests check it on the tables); after <see cref="MaxTimeouts"/> such runs the
/// pattern stays on the linear engine. So each pattern costs at most a few budgets in a whole run.
/// </summary>
public sealed class ShortTextRegex
{
    /// <summary>Time the interpreter may spend on one match before the linear engine takes over.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(20);

    /// <summary>Interpreter time-outs after which a pattern only runs on the linear engine.</summary>
    public const int MaxTimeouts = 3;

    private readonly Regex _fast;
    private Regex? _linear;
    private int _timeouts;

    /// <param name="linearTests">
    /// Answer <see cref="IsMatch"/> on the linear engine (built on first use): for line tests run on many lines,
    /// where its automaton, once built, beats the interpreter trying each start position. Captures still come
    /// from the interpreter.
    /// </param>
    public ShortTextRegex(string pattern, bool linearTests = false)
    {
        Pattern = pattern;
        LinearTests = linearTests;
        _fast = new Regex(pattern, RegexOptions.CultureInvariant, Budget);
    }

    public bool LinearTests { get; }

    public string Pattern { get; }

    /// <summary>The NonBacktracking copy, also what answers once the interpreter ran out of time.</summary>
    public Regex Linear => _linear ??= new Regex(Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public string[] GetGroupNames() => _fast.GetGroupNames();

    public override string ToString() => Pattern;

    /// <summary>True once the interpreter ran out of time <see cref="MaxTimeouts"/> times on this pattern.</summary>
    public bool LinearOnly => Volatile.Read(ref _timeouts) >= MaxTimeouts;

    public Match Match(string text) => Run(text, useLinear: false, static (regex, t) => regex.Match(t));

    public bool IsMatch(string text) => Run(text, useLinear: LinearTests, static (regex, t) => regex.IsMatch(t));

    /// <summary>Runs <paramref name="query"/> on the interpreter, or on the linear engine when asked, after
    /// <see cref="MaxTimeouts"/>, or when the interpreter runs out of its budget on this text.</summary>
    private T Run<T>(string text, bool useLinear, Func<Regex, string, T> query)
    {
        if (useLinear || LinearOnly)
            return query(Linear, text);
        try
        {
            return query(_fast, text);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return query(Linear, text);
        }
    }
}
