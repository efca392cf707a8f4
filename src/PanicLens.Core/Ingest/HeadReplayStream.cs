namespace PanicLens.Ingest;

/// <summary>
/// A forward-only stream that gives back the bytes already read for the magic number, then the rest. It knows its
/// position (the bytes given): the xz decoder reads it to check block padding, so xz from a pipe or a scanned slice works.
/// </summary>
internal sealed class HeadReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> head = head;
    private long given;

    public override long Position { get => given; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int take;
        if (head.IsEmpty)
            take = rest.Read(buffer);
        else
        {
            take = Math.Min(buffer.Length, head.Length);
            head.Span[..take].CopyTo(buffer);
            head = head[take..];
        }
        given += take;
        return take;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
