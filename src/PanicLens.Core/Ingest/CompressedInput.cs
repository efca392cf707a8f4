using System.IO.Compression;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using SharpCompress.Compressors.ZStandard;
using SharpCompressionMode = SharpCompress.Compressors.CompressionMode;

namespace PanicLens.Ingest;

/// <summary>
/// Opens a log for <see cref="LineReader"/> whatever it was compressed with: gzip (System.IO.Compression, native
/// zlib), xz, zstd and bzip2 (SharpCompress), recognised by their magic bytes. Decompression streams, so memory stays
/// bounded; a stream that cannot be decompressed to its end throws <see cref="CorruptArchiveException"/> naming the
/// source instead of ending early, which would read as "no crashes".
/// </summary>
public static class CompressedInput
{
    /// <summary>Longest magic number looked at (xz's six bytes).</summary>
    public const int MagicLength = 6;

    private const int BufferSize = 1 << 16;

    /// <summary>What the first bytes of a file say it is; fewer than a full magic number read as plain text.</summary>
    public static CompressionFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
            return CompressionFormat.Gzip;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00]))
            return CompressionFormat.Xz;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]))
            return CompressionFormat.Zstd;
        // "BZh" and the block size digit: a text line starting "BZh" would need the digit right after it.
        if (head.Length >= 4 && head.StartsWith("BZh"u8) && head[3] is >= (byte)'1' and <= (byte)'9')
            return CompressionFormat.Bzip2;
        return CompressionFormat.None;
    }

    /// <summary>
    /// Returns a stream of the log's text: <paramref name="input"/> itself for plain text, or a decompressing stream
    /// over it. Reads the magic number from the stream (so standard input works too). Takes ownership of the input.
    /// </summary>
    public static Stream Open(Stream input, string source) => Open(input, source, out _);

    public static Stream Open(Stream input, string source, out CompressionFormat format)
    {
        var head = new byte[MagicLength];
        var length = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        format = Detect(head.AsSpan(0, length));
        Stream raw;
        if (input.CanSeek)
        {
            input.Seek(-length, SeekOrigin.Current);
            raw = input;
        }
        else
            raw = new HeadReplayStream(head.AsMemory(0, length), input);
        if (format == CompressionFormat.None)
            return raw;
        var trailer = format == CompressionFormat.Gzip ? GzipTrailerSize(input) : null;
        try
        {
            // bzip2 reads its stream header here already.
            return new DecompressingStream(Decompressor(format, raw), source, format, trailer);
        }
        catch (Exception e) when (DecompressingStream.IsDecoderFailure(e))
        {
            raw.Dispose();
            throw new CorruptArchiveException(source, format, e.Message, e);
        }
    }

    private static Stream Decompressor(CompressionFormat format, Stream raw) => format switch
    {
        // Concatenated gzip members are read on, as gunzip does.
        CompressionFormat.Gzip => new GZipStream(raw, CompressionMode.Decompress),
        CompressionFormat.Xz => new XZStream(raw),
        CompressionFormat.Zstd => new DecompressionStream(raw, BufferSize, checkEndOfStream: true, leaveOpen: false),
        CompressionFormat.Bzip2 => BZip2Stream.Create(raw, SharpCompressionMode.Decompress, decompressConcatenated: true,
            leaveOpen: false, tolerateTruncatedStream: false),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a compression format"),
    };

    /// <summary>
    /// The uncompressed size modulo 2^32 that a seekable gzip file's last four bytes state (RFC 1952 ISIZE).
    /// System.IO.Compression ends a truncated gzip stream quietly, so the reader compares this with what it got.
    /// </summary>
    private static uint? GzipTrailerSize(Stream input)
    {
        if (!input.CanSeek || input.Length < 18)
            return null;
        var start = input.Position;
        Span<byte> size = stackalloc byte[4];
        input.Seek(-4, SeekOrigin.End);
        input.ReadExactly(size);
        input.Seek(start, SeekOrigin.Begin);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size);
    }
}
