namespace PanicLens.Ingest;

/// <summary>A forward-only stream that gives back the bytes already read for the magic number, then the rest.</summary>
internal sealed class HeadReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> head = head;

    public override int Read(Span<byte> buffer)
    {
        if (head.IsEmpty)
            return rest.Read(buffer);
        var take = Math.Min(buffer.Length, head.Length);
        head.Span[..take].CopyTo(buffer);
        head = head[take..];
        return take;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
