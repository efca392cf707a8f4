using PanicLens.Ingest;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The bytes of a log from where the last scan stopped up to the size seen when this scan began (a file that grows
/// meanwhile is read on next time, never half a line now), counting newlines as they pass.
/// </summary>
internal sealed class LogSlice(Stream file, long length) : ReadOnlyStream
{
    private long remaining = length;

    public long Newlines { get; private set; }
    public long BytesRead { get; private set; }
    /// <summary>Bytes up to and including the last newline read (where the next whole line starts).</summary>
    public long LastNewlineEnd { get; private set; }
    public bool EndsWithNewline => BytesRead == LastNewlineEnd;

    /// <summary>Where bytes read are also counted for the progress line (the file's bytes, not decompressed ones).</summary>
    public ScanProgress? Progress { get; init; }

    public override int Read(Span<byte> buffer)
    {
        if (remaining <= 0)
            return 0;
        var read = file.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        remaining -= read;
        var chunk = buffer[..read];
        var newlines = chunk.Count((byte)'\n');
        if (newlines > 0)
            LastNewlineEnd = BytesRead + chunk.LastIndexOf((byte)'\n') + 1;
        Newlines += newlines;
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
