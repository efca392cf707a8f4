using System.Threading.Channels;
using PanicLens.Server.Operations;

namespace PanicLens.Server.Streaming;

/// <summary>
/// Every receiver's lines go here, by host and source, each into its own <see cref="LiveStream"/>; completed
/// reports go to a bounded queue that <see cref="ReportStorer"/> empties. A clock closes reports whose stream went
/// quiet. Streams are bounded in number: past <see cref="LiveLimits.MaxStreams"/> the one quiet longest is dropped.
/// Every event (a line, a gap, a close by time, an eviction) is numbered and, with a <see cref="Spool"/>, written to
/// it in the order the streams saw it; a completed chunk stays pending (and in every checkpoint) until stored, so a
/// restart replays exactly what the streams held and stores what was not stored.
/// </summary>
public sealed class LiveCollector
{
    private readonly ServeOptions options;
    private readonly ServerMetrics metrics;
    private readonly Spool? spool;
    private readonly Dictionary<(string Host, string Source), LiveStream> streams = [];
    private readonly Lock gate = new();
    private readonly Channel<CompletedChunk> completed;
    /// <summary>Chunks completed and not yet stored, by the event that completed them (under <see cref="pendingGate"/>).</summary>
    private readonly Dictionary<long, CompletedChunk> pending = [];
    private readonly Lock pendingGate = new();
    /// <summary>Followed files by path, how far their lines reached the streams (under <see cref="gate"/>).</summary>
    private readonly Dictionary<string, FollowPosition> follows = new(StringComparer.Ordinal);
    /// <summary>Chunks completed under <see cref="gate"/>, queued once it is released.</summary>
    private List<CompletedChunk>? ready;
    /// <summary>The next event's number (under <see cref="gate"/>).</summary>
    private long events;
    private bool replaying;

    public LiveCollector(ServeOptions options, ServerMetrics metrics, Spool? spool = null)
    {
        this.options = options;
        this.metrics = metrics;
        this.spool = spool;
        completed = Channel.CreateBounded<CompletedChunk>(new BoundedChannelOptions(options.Limits.QueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        metrics.QueueDepth = () => completed.Reader.CanCount ? completed.Reader.Count : 0;
    }

    public ChannelReader<CompletedChunk> Completed => completed.Reader;

    private Spool? Spooling => replaying ? null : spool;

    /// <summary>One console line of <paramref name="host"/> from <paramref name="source"/>, counted for <paramref name="receiver"/>.</summary>
    public void Add(string host, string source, string receiver, string line)
    {
        metrics.Add("paniclens_lines_total", receiver);
        List<CompletedChunk>? done;
        lock (gate)
        {
            AddLine(host, source, line);
            done = TakeReady();
        }
        Enqueue(done);
    }

    /// <summary>
    /// Lines of one receiver's read (host, source, line each), under one lock: a TCP connection's read of hundreds of
    /// messages does not contend with the other connections once per line.
    /// </summary>
    public void Add(string receiver, List<(string Host, string Source, string Line)> lines)
    {
        if (lines.Count == 0)
            return;
        metrics.Add("paniclens_lines_total", receiver, lines.Count);
        List<CompletedChunk>? done;
        lock (gate)
        {
            foreach (var (host, source, line) in lines)
                AddLine(host, source, line);
            done = TakeReady();
        }
        Enqueue(done);
    }

    /// <summary>
    /// Lines of a followed file's read and the position after them (null: unknown), under one lock: the spool holds
    /// the position right after the lines, so a restart reads on from where the spooled lines end.
    /// </summary>
    public void AddFollowed(string host, string source, string receiver, List<string> lines, FollowPosition? position)
    {
        metrics.Add("paniclens_lines_total", receiver, lines.Count);
        List<CompletedChunk>? done;
        lock (gate)
        {
            foreach (var line in lines)
                AddLine(host, source, line);
            if (position is not null)
            {
                follows[position.Path] = position;
                Spooling?.Followed(position);
            }
            done = TakeReady();
        }
        Enqueue(done);
    }

    /// <summary>How far the file at <paramref name="path"/> was read, as the spool gave it back at start; null when unknown.</summary>
    public FollowPosition? FollowedAt(string path)
    {
        lock (gate)
            return follows.GetValueOrDefault(path);
    }

    /// <summary>The stream lost lines (a sequence gap): its report in progress, or its next, is marked lossy.</summary>
    public void MarkLossy(string host, string source)
    {
        lock (gate)
        {
            var stream = Stream(host, source);
            Spooling?.Mark(SpoolRecordKind.Lossy, host, source);
            events++;
            stream.MarkLossy();
        }
    }

    /// <summary>Hands the spooled events to the operating system (a receiver finished a read; the clock).</summary>
    public void Commit() => spool?.Commit();

    /// <summary>Closes every report whose stream has been quiet long enough.</summary>
    public void Tick()
    {
        var now = Environment.TickCount64;
        List<CompletedChunk>? done;
        lock (gate)
        {
            foreach (var stream in streams.Values)
                if (stream.Tick(now, options.Quiet, options.TrailingQuiet) is { } chunk)
                    Closed(stream, chunk, SpoolRecordKind.Close);
            done = TakeReady();
        }
        Enqueue(done);
    }

    /// <summary>Closes every open report now (shutdown).</summary>
    public void Flush()
    {
        List<CompletedChunk>? done;
        lock (gate)
        {
            foreach (var stream in streams.Values)
                if (stream.Flush() is { } chunk)
                    Closed(stream, chunk, SpoolRecordKind.Close);
            done = TakeReady();
        }
        Enqueue(done);
    }

    /// <summary>The chunk is stored: it leaves the pending set, and the spool says so.</summary>
    public void Acknowledge(CompletedChunk chunk)
    {
        // Leave the pending set first: a checkpoint taken between the two steps then holds neither the chunk nor a
        // need for its record (the other order could store it twice, which the store's key would catch anyway).
        lock (pendingGate)
            pending.Remove(chunk.CompletedAt);
        spool?.Stored(chunk.CompletedAt);
    }

    /// <summary>The clock, on a thread of its own (<see cref="LiveServer"/>): busy receivers never make a report wait for its tick.</summary>
    public void RunClock(CancellationToken stop)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.TrailingQuiet.TotalMilliseconds / 3, 20, 250));
        while (!stop.WaitHandle.WaitOne(period))
            Tick();
        Flush();
        completed.Writer.TryComplete();
    }

    /// <summary>
    /// Commits the spool every 10 ms and checkpoints it every second, fsync'ed every 30th (see <see cref="Spool"/>),
    /// until stopped (a thread of its own).
    /// </summary>
    public void RunSpool(CancellationToken stop)
    {
        if (spool is null)
            return;
        var next = Environment.TickCount64 + 1000;
        for (var checkpoints = 1; !stop.WaitHandle.WaitOne(10);)
        {
            spool.Commit();
            if (Environment.TickCount64 >= next)
            {
                Checkpoint(durable: checkpoints++ % 30 == 0);
                next = Environment.TickCount64 + 1000;
            }
        }
    }

    /// <summary>Writes the whole state to the spool and drops the segments before it; <paramref name="durable"/>: fsync'ed.</summary>
    public void Checkpoint(bool durable = true)
    {
        if (spool is null)
            return;
        SpoolCheckpoint checkpoint;
        lock (gate)
        {
            var states = new List<LiveStreamState>(streams.Count);
            foreach (var stream in streams.Values)
                states.Add(stream.Save());
            lock (pendingGate)
                checkpoint = new SpoolCheckpoint(events, states, [.. pending.Values.OrderBy(c => c.CompletedAt)], [.. follows.Values]);
            spool.Rotate(events);
        }
        spool.WriteCheckpoint(checkpoint, durable);
    }

    /// <summary>
    /// Start-up: the spool's checkpoint and the events after it give back the streams as they were; every chunk not
    /// stored is queued again (the store writer must be running). Returns how many were queued.
    /// </summary>
    public int Restore()
    {
        if (spool is null)
            return 0;
        var (checkpoint, tail) = spool.Load();
        var stored = new HashSet<long>();
        foreach (var record in tail)
            if (record.Kind == SpoolRecordKind.Stored)
                stored.Add(record.Event);
        List<CompletedChunk> queued = [];
        lock (gate)
        {
            replaying = true;
            if (checkpoint is not null)
            {
                events = checkpoint.Start;
                foreach (var state in checkpoint.Streams)
                    streams[(state.Host, state.Source)] = LiveStream.Restore(state, options.Limits);
                foreach (var chunk in checkpoint.Pending)
                    Pend(chunk);
                foreach (var follow in checkpoint.Follows)
                    follows[follow.Path] = follow;
            }
            foreach (var record in tail)
                Replay(record);
            queued = TakeReady() ?? [];
            queued.RemoveAll(chunk => stored.Contains(chunk.CompletedAt));
            lock (pendingGate)
                foreach (var done in stored)
                    pending.Remove(done);
            replaying = false;
        }
        Checkpoint();
        metrics.Add("paniclens_spool_replayed_total", "chunks", queued.Count);
        Enqueue(queued);
        return queued.Count;
    }

    private void Replay(SpoolRecord record)
    {
        if (record.Kind == SpoolRecordKind.Stored)
            return;
        if (record.Kind == SpoolRecordKind.Offset)
        {
            if (FollowPosition.Parse(record.Host, record.Line!) is { } position)
                follows[position.Path] = position;
            return;
        }
        events = record.Event;
        switch (record.Kind)
        {
            case SpoolRecordKind.Line:
                AddLine(record.Host, record.Source, record.Line!);
                break;
            case SpoolRecordKind.Lossy:
                events++;
                Stream(record.Host, record.Source).MarkLossy();
                break;
            case SpoolRecordKind.Close:
                if (streams.GetValueOrDefault((record.Host, record.Source)) is { } stream && stream.Flush() is { } chunk)
                    Closed(stream, chunk, SpoolRecordKind.Close);
                else
                    events++;
                break;
            case SpoolRecordKind.Evict:
                if (streams.GetValueOrDefault((record.Host, record.Source)) is { } evicted)
                    Evict(evicted);
                else
                    events++;
                break;
        }
    }

    /// <summary>One line as an event (under <see cref="gate"/>): spooled, then handed to its stream.</summary>
    private void AddLine(string host, string source, string line)
    {
        var stream = Stream(host, source);
        Spooling?.Line(host, source, line);
        var at = events++;
        if (stream.Add(line) is { } chunk)
            Pend(chunk with { CompletedAt = at });
    }

    /// <summary>A report closed by time or eviction: an event of its own, spooled, which names the chunk.</summary>
    private void Closed(LiveStream stream, CompletedChunk chunk, SpoolRecordKind kind)
    {
        Spooling?.Mark(kind, stream.Host, stream.Source);
        Pend(chunk with { CompletedAt = events++ });
    }

    private void Pend(CompletedChunk chunk)
    {
        lock (pendingGate)
            pending[chunk.CompletedAt] = chunk;
        (ready ??= []).Add(chunk);
    }

    private List<CompletedChunk>? TakeReady()
    {
        var done = ready;
        ready = null;
        return done;
    }

    private void Enqueue(List<CompletedChunk>? chunks)
    {
        if (chunks is null)
            return;
        foreach (var chunk in chunks)
        {
            // The queue only fills when the store is down or far behind; TCP receivers then wait here (back-pressure
            // to the sender), a report is never silently lost while the process runs.
            if (!completed.Writer.TryWrite(chunk))
            {
                metrics.Add("paniclens_drops_total", "queue-wait");
                completed.Writer.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private LiveStream Stream(string host, string source)
    {
        if (streams.TryGetValue((host, source), out var stream))
            return stream;
        // While replaying, evictions come from the spool as they happened (the choice depends on timing).
        if (streams.Count >= options.Limits.MaxStreams && !replaying)
            Evict(Stalest());
        stream = new LiveStream(host, source, options.Limits);
        streams[(host, source)] = stream;
        return stream;
    }

    private LiveStream Stalest()
    {
        LiveStream? stalest = null;
        foreach (var stream in streams.Values)
            if (!stream.Collecting && (stalest is null || stream.LastLineTicks < stalest.LastLineTicks))
                stalest = stream;
        return stalest ?? streams.Values.MinBy(s => s.LastLineTicks)!;
    }

    private void Evict(LiveStream stalest)
    {
        if (stalest.Flush() is { } chunk)
            Closed(stalest, chunk, SpoolRecordKind.Evict);
        else
        {
            Spooling?.Mark(SpoolRecordKind.Evict, stalest.Host, stalest.Source);
            events++;
        }
        streams.Remove((stalest.Host, stalest.Source));
        if (!replaying)
            metrics.Add("paniclens_drops_total", "stream-evicted");
    }
}
