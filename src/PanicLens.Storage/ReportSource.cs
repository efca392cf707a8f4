namespace PanicLens.Storage;

/// <summary>One live source that delivered a report: when it arrived, and whether that copy was lossy.</summary>
public sealed record ReportSource(string Source, string ReceivedAt, bool Lossy);
