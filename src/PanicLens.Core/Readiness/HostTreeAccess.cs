namespace PanicLens.Readiness;

/// <summary>What the checks looked at in one <see cref="HostTree"/>, in host paths.</summary>
/// <param name="Reads">Files read, with their text.</param>
/// <param name="Listings">Directories listed, with the names found.</param>
/// <param name="Present">Paths whose existence or modification time was asked for, and which exist.</param>
/// <param name="FreeBytes">Free space measured under a path (live host only).</param>
/// <param name="Unreadable">Files and directories that could not be read, and why.</param>
public sealed record HostTreeAccess(
    IReadOnlyList<HostFile> Reads,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Listings,
    IReadOnlyList<string> Present,
    IReadOnlyDictionary<string, long> FreeBytes,
    IReadOnlyList<HostFile> Unreadable);
