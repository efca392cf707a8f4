namespace PanicLens.Server.Alerting;

/// <summary>What an alert says: the event, the report that caused it, and where to read it.</summary>
public sealed record Alert(string Kind, long ReportId, string Host, string Title, string BucketId, string? Kernel,
    string? KnownIssue, long BucketCount, IReadOnlyList<string> Sources);
