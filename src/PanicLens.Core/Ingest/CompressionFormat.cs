namespace PanicLens.Ingest;

/// <summary>How a log file is compressed, as its first bytes say (the name is never trusted: rotated logs lie).</summary>
public enum CompressionFormat
{
    None,
    Gzip,
    Xz,
    Zstd,
    Bzip2,
}
