namespace PanicLens.Detection;

/// <summary>
/// One row of the header table: a literal that marks the first line of a crash report.
/// <see cref="Exclude"/> is a pattern (NonBacktracking) that, found anywhere on the line, means the literal
/// is benign there (e.g. `ODEBUG:` contains `BUG:`). <see cref="AtStart"/> headers only count when the literal
/// begins the message (after any `subsystem: ` tags), because the bare word is common in ordinary output.
/// </summary>
public sealed record CrashHeader(string Literal, string Family, HeaderRole Role = HeaderRole.Opens)
{
    public string? Exclude { get; init; }
    public bool AtStart { get; init; }
    public string Why { get; init; } = "";
}
