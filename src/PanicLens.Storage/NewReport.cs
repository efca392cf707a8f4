namespace PanicLens.Storage;

/// <summary>
/// One report found by a scan, ready to store. <see cref="ContentHash"/> (SHA-256 of the report's lines) with the
/// host and <see cref="StartLine"/> is its identity: the database refuses a second copy, whichever scanner, file name
/// or rotation brings it. <see cref="Pending"/> marks a report that the end of a growing file may have cut; the next
/// scan of that file replaces it.
/// </summary>
public sealed record NewReport
{
    public required string ContentHash { get; init; }
    public required long StartLine { get; init; }
    public required long EndLine { get; init; }
    public required bool Pending { get; init; }
    public required string Title { get; init; }
    public required string Type { get; init; }
    public string? Kernel { get; init; }
    /// <summary>Wall-clock time of the report's first line (ISO 8601), when the log's prefixes gave a date.</summary>
    public string? Timestamp { get; init; }
    /// <summary>Id of the strongest known-issue match, or null.</summary>
    public string? KnownIssue { get; init; }
    public required Buckets.BucketKeys Keys { get; init; }
    /// <summary>The report in the analyze JSON contract (fields and diagnosis); kept for a capped sample per bucket.</summary>
    public required string ReportJson { get; init; }
    /// <summary>The report's lines, prefixes stripped; kept for the same sample.</summary>
    public required string RawText { get; init; }
    /// <summary>The source file's line number of each line of <see cref="RawText"/>, as ranges (`12-40,43`); kept with it.</summary>
    public string? LineNumbers { get; init; }
    /// <summary>The host that printed the report when the log says so and its path names none (a syslog host field); null: the file's host.</summary>
    public string? Host { get; init; }
}
