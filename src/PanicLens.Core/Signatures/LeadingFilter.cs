using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// A prefilter in front of a pattern: false when none of the leading literals of its alternatives
/// (<see cref="PatternLiterals.Leading"/>) is on the line, so the pattern cannot match there. A pattern without
/// such literals lets every line through. Built on first use.
/// </summary>
public sealed class LeadingFilter(string? pattern)
{
    private LiteralSet? _literals;
    private bool _known;

    public bool MayMatch(string line)
    {
        if (!_known)
        {
            _literals = PatternLiterals.Leading(pattern) is { } literals ? new LiteralSet(literals) : null;
            _known = true;
        }
        return _literals is null || _literals.FoundIn(line);
    }
}
