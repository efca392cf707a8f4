namespace PanicLens.Storage;

/// <summary>
/// A boot of a host read in a log (its `Linux version` banner): when (the log's own date, or null when the log gives
/// none: then the time of the scan that read it) and which release.
/// </summary>
public sealed record HostBoot(string Host, string? Timestamp, string Kernel);
