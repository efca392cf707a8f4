namespace PanicLens.Mining.Archive;

/// <summary>One mail of a list archive: the commit that added it and its raw bytes (null when over the size cap).</summary>
public sealed record ArchiveMail(string Commit, byte[]? Raw, long Size);
