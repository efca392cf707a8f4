using System.Threading.Channels;
using PanicLens.Server.Operations;

namespace PanicLens.Server.Streaming;

/// <summary>
/// Every receiver's lines go here, by host and source, each into its own <see cref="LiveStream"/>; completed
/// reports go to a bounded queue that <see cref="ReportStorer"/> empties. A clock closes reports whose stream went
/// quiet. Streams are bounded in number: past <see cref="LiveLimits.MaxStreams"/> the one quiet longest is dropped.
/// </summary>
public sealed class LiveCollector
{
    private readonly ServeOptions options;
    private readonly ServerMetrics metrics;
    private readonly Dictionary<(string Host, string Source), LiveStream> streams = [];
    private readonly Lock gate = new();
    private readonly Channel<CompletedChunk> completed;

    public LiveCollector(ServeOptions options, ServerMetrics metrics)
    {
        this.options = options;
        this.metrics = metrics;
        completed = Channel.CreateBounded<CompletedChunk>(new BoundedChannelOptions(options.Limits.QueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        metrics.QueueDepth = () => completed.Reader.CanCount ? completed.Reader.Count : 0;
    }

    public ChannelReader<CompletedChunk> Completed => completed.Reader;

    /// <summary>One console line of <paramref name="host"/> from <paramref name="source"/>, counted for <paramref name="receiver"/>.</summary>
    public void Add(string host, string source, string receiver, string line)
    {
        metrics.Add("paniclens_lines_total", receiver);
        CompletedChunk? chunk;
        lock (gate)
            chunk = Stream(host, source).Add(line);
        if (chunk is not null)
            Enqueue(chunk);
    }

    /// <summary>The stream lost lines (a sequence gap): its report in progress, or its next, is marked lossy.</summary>
    public void MarkLossy(string host, string source)
    {
        lock (gate)
            Stream(host, source).MarkLossy();
    }

    /// <summary>Closes every report whose stream has been quiet long enough.</summary>
    public void Tick()
    {
        var done = new List<CompletedChunk>();
        var now = Environment.TickCount64;
        lock (gate)
            foreach (var stream in streams.Values)
                if (stream.Tick(now, options.Quiet, options.TrailingQuiet) is { } chunk)
                    done.Add(chunk);
        foreach (var chunk in done)
            Enqueue(chunk);
    }

    /// <summary>Closes every open report now (shutdown).</summary>
    public void Flush()
    {
        var done = new List<CompletedChunk>();
        lock (gate)
            foreach (var stream in streams.Values)
                if (stream.Flush() is { } chunk)
                    done.Add(chunk);
        foreach (var chunk in done)
            Enqueue(chunk);
    }

    public async Task RunClock(CancellationToken stop)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.TrailingQuiet.TotalMilliseconds / 3, 20, 250));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                Tick();
        }
        catch (OperationCanceledException)
        {
        }
        Flush();
        completed.Writer.TryComplete();
    }

    private void Enqueue(CompletedChunk chunk)
    {
        // The queue only fills when the store is down or far behind; TCP receivers then wait here (back-pressure to the
        // sender), a report is never silently lost while the process runs.
        if (!completed.Writer.TryWrite(chunk))
        {
            metrics.Add("paniclens_drops_total", "queue-wait");
            completed.Writer.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
        }
    }

    private LiveStream Stream(string host, string source)
    {
        if (streams.TryGetValue((host, source), out var stream))
            return stream;
        if (streams.Count >= options.Limits.MaxStreams)
            Evict();
        stream = new LiveStream(host, source, options.Limits);
        streams[(host, source)] = stream;
        return stream;
    }

    private void Evict()
    {
        LiveStream? stalest = null;
        foreach (var stream in streams.Values)
            if (!stream.Collecting && (stalest is null || stream.LastLineTicks < stalest.LastLineTicks))
                stalest = stream;
        stalest ??= streams.Values.MinBy(s => s.LastLineTicks)!;
        if (stalest.Flush() is { } chunk)
            completed.Writer.TryWrite(chunk);
        streams.Remove((stalest.Host, stalest.Source));
        metrics.Add("paniclens_drops_total", "stream-evicted");
    }
}
