namespace PanicLens.Presentation.Reports;

/// <summary>
/// What the report view says above the diagnosis: the title and a line of facts (type, host, kernel, times, bucket or
/// source file). The dashboard links host and bucket to its pages; a file from `analyze` has no pages to link.
/// </summary>
public sealed record ReportHeading(string Title, IReadOnlyList<ReportFact> Facts)
{
    /// <summary>Where the report came from (`upload`, `syslog (lossy)`, `scan of …`); empty when the facts say it.</summary>
    public IReadOnlyList<ReportFact> Sources { get; init; } = [];
}

/// <summary>One fact of a <see cref="ReportHeading"/>; <see cref="Link"/> is a path on the dashboard, or null.</summary>
public sealed record ReportFact(string Text, string? Link = null, bool Lossy = false);
