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

    /// <summary>
    /// A pattern (run like <see cref="Exclude"/>) that must be found on the line for the literal to count there, where
    /// the literal alone is a common word (`Oops - ` in prose) and the kernel's line has a shape of its own.
    /// </summary>
    public string? Require { get; init; }
    public bool AtStart { get; init; }
    public string Why { get; init; } = "";

    /// <summary>
    /// State the kernel prints on request as well as inside reports (NMI backtraces, task dumps): it joins a report or
    /// a <see cref="Quiet"/> request in progress, and is a report of its own only when it stands alone.
    /// </summary>
    public bool Dump { get; init; }

    /// <summary>
    /// A request for state (sysrq-t, sysrq-l): the dumps that follow answer it and are no crash. Its region yields no
    /// report; a crash header printed during it still opens one.
    /// </summary>
    public bool Quiet { get; init; }
}
