using PanicLens.Ingest;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The bytes of a log from where the last scan stopped up to the size seen when this scan began (a file that grows
/// meanwhile is read on next time, never half a line now).
/// </summary>
internal sealed class LogSlice(Stream file, long length) : ReadOnlyStream
{
    private long remaining = length;

    public long BytesRead { get; private set; }

    /// <summary>Where bytes read are also counted for the progress line (the file's bytes, not decompressed ones).</summary>
    public ScanProgress? Progress { get; init; }

    public override int Read(Span<byte> buffer)
    {
        if (remaining <= 0)
            return 0;
        var read = file.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        remaining -= read;
        BytesRead += read;
        Progress?.AddBytes(read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            file.Dispose();
        base.Dispose(disposing);
    }
}
