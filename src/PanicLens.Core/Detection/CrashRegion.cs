using PanicLens.Model;

namespace PanicLens.Detection;

/// <summary>
/// One crash report's lines: from the header line (<see cref="StartLine"/>, 1-based) to the last line that
/// belongs to it. When the console printed caller ids, <see cref="Context"/> is the header's id and
/// <see cref="Lines"/> holds only that task's or CPU's lines; otherwise it holds every line in the span.
/// </summary>
public sealed record CrashRegion(int StartLine, int EndLine, IReadOnlyList<LogLine> Lines, CrashHeader Header)
{
    public string? Context { get; init; }
    /// <summary>Set when the region stopped at the line cap rather than at an end of report.</summary>
    public bool Truncated { get; init; }
}
