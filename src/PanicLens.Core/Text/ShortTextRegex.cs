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
/// The budget is wall time, which a loaded machine also spends on other processes: a thread descheduled or paused by
/// the GC in the middle of a match of microseconds times out as if it backtracked. So a time-out is tried once more on
/// the interpreter and only a second one in a row on the same text counts. Otherwise a scan on a busy machine built
/// NonBacktracking copies of benign patterns (megabytes of automaton construction each: a crash-storm scan's peak
/// went from 95 to 105-128 MB at load 15-20).
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

    /// <summary>
    /// Line tests a <c>linearTests</c> pattern answers on the interpreter before it moves to the linear engine.
    /// Building the NonBacktracking automaton costs milliseconds (more than a thousand interpreter tests of a short
    /// line), which a cold `analyze` of one report would pay for nothing; a scan crosses this count at once.
    /// </summary>
    public const int LinearTestsAfter = 1000;

    private int _tests;

    /// <param name="linearTests">
    /// Answer <see cref="IsMatch"/> on the linear engine (built once <see cref="LinearTestsAfter"/> tests have run):
    /// for line tests run on many lines, where its automaton, once built, beats the interpreter trying each start
    /// position. Captures still come from the interpreter.
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

    /// <summary>True once the linear engine's copy was built.</summary>
    public bool LinearBuilt => Volatile.Read(ref _linear) is not null;

    public string[] GetGroupNames() => _fast.GetGroupNames();

    public override string ToString() => Pattern;

    /// <summary>True once the interpreter ran out of time <see cref="MaxTimeouts"/> times on this pattern.</summary>
    public bool LinearOnly => Volatile.Read(ref _timeouts) >= MaxTimeouts;

    public Match Match(string text) => Run(text, useLinear: false, static (regex, t) => regex.Match(t));

    public bool IsMatch(string text) => Run(text, useLinear: LinearTests && Warm(), static (regex, t) => regex.IsMatch(t));

    /// <summary>True once <see cref="LinearTestsAfter"/> tests ran; a race only miscounts a few.</summary>
    private bool Warm() => _tests >= LinearTestsAfter || ++_tests >= LinearTestsAfter;

    /// <summary>Runs <paramref name="query"/> on the interpreter, or on the linear engine when asked, after
    /// <see cref="MaxTimeouts"/>, or when the interpreter runs out of its budget on this text twice in a row.</summary>
    internal T Run<T>(string text, bool useLinear, Func<Regex, string, T> query)
    {
        if (useLinear || LinearOnly)
            return query(Linear, text);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return query(_fast, text);
            }
            catch (RegexMatchTimeoutException) when (attempt < 2)
            {
            }
            catch (RegexMatchTimeoutException)
            {
                Interlocked.Increment(ref _timeouts);
                return query(Linear, text);
            }
        }
    }
}
