namespace PanicLens.Ingest;

/// <summary>
/// A compressed log that cannot be decompressed to its end (corrupt, truncated). An <see cref="IOException"/> so that
/// every boundary that reports unreadable input reports this one too, in one line naming the file.
/// </summary>
public sealed class CorruptArchiveException(string source, CompressionFormat format, string reason, Exception? inner = null)
    : IOException($"{source}: corrupt {format.ToString().ToLowerInvariant()} archive: {reason}", inner)
{
    public string Log { get; } = source;
    public CompressionFormat Format { get; } = format;
}
