using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The literal search of one large plain log on all cores. The log is cut into segments of whole lines (a segment owns
/// the lines that start in its byte range); worker threads search segments ahead of the reader, each through its own
/// bounded buffer, and note where each line holding a literal has its first literal. The reader
/// (<see cref="SparseLogReader"/>) still reads the log once from start to end, counts its newlines and runs the
/// pipeline on the lines around hits, but asks this search for the next hit instead of searching the bytes itself.
/// So everything that depends on order — open reports across a segment's end, the lines before a header, the boot
/// banner a later report takes its kernel from, line numbers, the offset the next scan starts at — is what a
/// single-threaded read gives: the workers only answer "which lines hold a literal", a question of each line alone.
/// Memory is bounded: a few segments ahead of the reader at most, each holding at most <see cref="DefaultMaxHits"/> offsets;
/// a denser segment is given up by its worker and searched by the reader itself.
/// </summary>
public sealed class SegmentedLiteralSearch : IDisposable
{
    /// <summary>Hits kept per segment (8 bytes each); a storm of headers past this is searched by the reader.</summary>
    public const int DefaultMaxHits = 1 << 18;

    private readonly SafeFileHandle file;
    private readonly long origin;
    private readonly long length;
    private readonly long segmentSize;
    private readonly int chunkSize;
    private readonly int maxHits;
    private readonly Segment?[] results;
    private readonly TaskCompletionSource<Segment>[] pending;
    /// <summary>Segments a worker may start beyond the one the reader is in (bounds memory to a few segments).</summary>
    private readonly SemaphoreSlim ahead;
    private readonly Task[] workers;
    private readonly CancellationTokenSource stop = new();
    private int next = -1;
    /// <summary>The segment the reader is in, and its place in that segment's hits.</summary>
    private int current;
    private int cursor;

    /// <param name="file">The log; its bytes from <paramref name="origin"/> on, <paramref name="length"/> of them, are the text searched.</param>
    public SegmentedLiteralSearch(SafeFileHandle file, long origin, long length, SegmentOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegmentSize, 1);
        (this.file, this.origin, this.length) = (file, origin, length);
        (segmentSize, chunkSize, maxHits) = (options.SegmentSize, options.ChunkSize, options.MaxHits);
        var count = (int)Math.Max(1, (length + segmentSize - 1) / segmentSize);
        results = new Segment?[count];
        pending = [.. Enumerable.Range(0, count).Select(_ => new TaskCompletionSource<Segment>(TaskCreationOptions.RunContinuationsAsynchronously))];
        workers = new Task[Math.Max(1, options.Threads)];
        ahead = new SemaphoreSlim(2 * workers.Length + 1);
        for (var i = 0; i < workers.Length; i++)
            workers[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Where in <paramref name="text"/> (the reader's buffer, holding the text from <paramref name="textOffset"/> on) the
    /// first hit at or after <paramref name="from"/> lies, or -1 when the next hit is beyond <paramref name="text"/>.
    /// Calls must come with <paramref name="from"/> never moving back (the reader reads forwards).
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> text, int from, long textOffset)
    {
        while (current < results.Length)
        {
            var at = textOffset + from;
            var segment = Result(current);
            if (segment.Hits is { } hits)
            {
                while (cursor < hits.Count && hits[cursor] < at)
                    cursor++;
                if (cursor < hits.Count)
                    return hits[cursor] - textOffset < text.Length ? (int)(hits[cursor] - textOffset) : -1;
            }
            else if (at < segment.End)
            {
                // A dense segment: the reader searches its lines itself, up to the segment's end.
                var stop = (int)Math.Min(text.Length, segment.End - textOffset);
                var hit = SparseLogReader.Literals.IndexOf(text[..stop], from, out _);
                if (hit >= 0 || stop == text.Length)
                    return hit;
                from = stop;
            }
            if (segment.End > textOffset + text.Length)
                return -1;
            Leave();
        }
        return -1;
    }

    private Segment Result(int k) => results[k] ??= pending[k].Task.GetAwaiter().GetResult();

    private void Leave()
    {
        results[current] = null;
        current++;
        cursor = 0;
        ahead.Release();
    }

    private void Work()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            while (true)
            {
                ahead.Wait(stop.Token);
                var k = Interlocked.Increment(ref next);
                if (k >= pending.Length)
                    return;
                try
                {
                    pending[k].SetResult(Search(buffer, k * segmentSize, Math.Min(length, (k + 1) * segmentSize)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The reader waiting for this segment gets the failure (an unreadable file is skipped, named).
                    pending[k].SetException(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The hits of the lines that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private Segment Search(byte[] buffer, long from, long to)
    {
        var hits = new List<long>();
        var position = from == 0 ? 0 : LineAfter(buffer, from - 1);
        var dense = false;
        while (position < to && position < length)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(chunkSize, length - position)), origin + position);
            if (read == 0)
                break;
            var chunk = buffer.AsSpan(0, read);
            // Whole lines only, unless the text ends here or a line is longer than the chunk (cut, as the reader cuts it).
            var limit = position + read == length ? read : chunk.LastIndexOf((byte)'\n') + 1 is var l and > 0 ? l : read;
            var text = chunk[..limit];
            for (var at = 0; !dense && SparseLogReader.Literals.IndexOf(text, at, out _) is var hit and >= 0;)
            {
                var lineStart = text[..hit].LastIndexOf((byte)'\n') + 1;
                if (position + lineStart >= to)
                    break;
                if (hits.Count == maxHits)
                    dense = true;
                else
                    hits.Add(position + hit);
                at = text[hit..].IndexOf((byte)'\n') is var e and >= 0 ? hit + e + 1 : limit;
            }
            position += limit;
            stop.Token.ThrowIfCancellationRequested();
        }
        return new Segment(dense ? null : hits, to >= length ? length : LineAfter(buffer, to - 1));
    }

    /// <summary>The start of the first line that starts after <paramref name="at"/> (a newline at <paramref name="at"/> ends the line before).</summary>
    private long LineAfter(byte[] buffer, long at)
    {
        while (at < length)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(chunkSize, length - at)), origin + at);
            if (read == 0)
                break;
            if (buffer.AsSpan(0, read).IndexOf((byte)'\n') is var n and >= 0)
                return at + n + 1;
            at += read;
        }
        return length;
    }

    public void Dispose()
    {
        stop.Cancel();
        ahead.Release(workers.Length);
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException)
        {
        }
        stop.Dispose();
        ahead.Dispose();
    }

    /// <param name="Threads">Worker threads searching.</param>
    /// <param name="SegmentSize">Bytes of a segment (tests make it tiny so that segments cut reports).</param>
    /// <param name="ChunkSize">Bytes each worker reads at once: the reader's buffer size, so that a line too long for it is cut alike.</param>
    /// <param name="MaxHits">Hits kept per segment (tests make it tiny to search dense segments in the reader).</param>
    public sealed record SegmentOptions(int Threads, long SegmentSize, int ChunkSize = SparseLogReader.DefaultBufferSize, int MaxHits = DefaultMaxHits);

    /// <param name="Hits">Offsets of each hit line's first literal, ascending; null when the segment was too dense to keep them.</param>
    /// <param name="End">Where the next segment's first line starts.</param>
    private sealed record Segment(List<long>? Hits, long End);
}
