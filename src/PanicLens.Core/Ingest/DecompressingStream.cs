namespace PanicLens.Ingest;

/// <summary>
/// Reads a decompressor and turns its failures into one <see cref="CorruptArchiveException"/> naming the source.
/// The decompressors throw their own types on bad data (InvalidDataException, SharpCompress' format and archive
/// exceptions, even IndexOutOfRange on hostile input); all of them mean the same thing to a reader of logs. Errors of
/// the file underneath (an <see cref="IOException"/>) pass through unchanged. The gzip trailer check holds for one
/// member (what logrotate and gzip write); a file of concatenated members is compared with its last member's size.
/// </summary>
internal sealed class DecompressingStream(Stream decompressor, string source, CompressionFormat format,
    uint? trailerSize) : ReadOnlyStream
{
    private long produced;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = decompressor.Read(buffer);
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw new CorruptArchiveException(source, format, e.Message, e);
        }
        produced += read;
        if (read == 0 && buffer.Length > 0 && trailerSize is { } size && (uint)produced != size)
            throw new CorruptArchiveException(source, format,
                $"ends after {produced} bytes but its trailer says {size} (truncated?)");
        return read;
    }

    /// <summary>A decoder's complaint about its input, as opposed to a failure of the file or the process.</summary>
    public static bool IsDecoderFailure(Exception e) =>
        e is not IOException and not OutOfMemoryException and not OperationCanceledException;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            decompressor.Dispose();
        base.Dispose(disposing);
    }
}
