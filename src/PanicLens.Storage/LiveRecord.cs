namespace PanicLens.Storage;

/// <summary>What storing a live report did: the report's id, and whether this copy was the first.</summary>
public readonly record struct LiveRecord(long ReportId, bool IsNew);
