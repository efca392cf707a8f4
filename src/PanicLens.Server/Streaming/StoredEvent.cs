namespace PanicLens.Server.Streaming;

/// <summary>One report stored from a live source: its id, whether it was new, and what the pipeline titled it.</summary>
public sealed record StoredEvent(long ReportId, bool IsNew, string Host, string Source, string Title, bool Lossy);
