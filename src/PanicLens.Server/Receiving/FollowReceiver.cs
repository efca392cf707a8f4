using PanicLens.Storage;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;
using PanicLens.Server.Localization;

namespace PanicLens.Server.Receiving;

/// <summary>
/// `--follow DIR`: console-server captures (conserver, conman, `ipmitool sol` logs), one file per host, followed as
/// they grow. The host is the file's name without `.log`; rotated copies (`HOST.log.1`, `.gz`) are not followed (the
/// live file was read before it was renamed). Files present at start are read from their end, like `tail -F`: their
/// past is `scan`'s job; but a file the spool says a previous run read is read on from where that run's lines end,
/// when it is still the same file (see <see cref="FollowedFile"/>).
/// </summary>
public sealed class FollowReceiver : IReceiver
{
    public const string Source = "console";

    private readonly Dictionary<string, FollowedFile> files = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> folders;
    private readonly TimeSpan interval;
    private readonly LiveCollector collector;
    private readonly ServerMetrics metrics;
    private readonly LiveLimits limits;
    private bool started;
    private bool disposed;
    /// <summary>Serialises a poll and <see cref="Dispose"/>: shutdown disposes receivers while their loop may be in a poll.</summary>
    private readonly Lock gate = new();

    public FollowReceiver(IReadOnlyList<string> folders, TimeSpan interval, LiveCollector collector, ServerMetrics metrics, LiveLimits limits)
    {
        (this.folders, this.interval, this.collector, this.metrics, this.limits) = (folders, interval, collector, metrics, limits);
        foreach (var folder in folders)
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(Messages.Format("error.no-folder", folder));
    }

    /// <summary>
    /// Takes the files there now: from where the spool says the last run's lines end, else from their end; any file
    /// that appears later is read from its start. Runs once the collector restored the spool (before the first poll).
    /// </summary>
    public void Open()
    {
        if (started)
            return;
        Discover(fromEnd: true);
        started = true;
    }

    public string Name => "follow";

    public int Port => 0;

    /// <summary>One look at the folders; the loop runs this every interval (tests call it to step).</summary>
    public void Poll()
    {
        lock (gate)
        {
            if (!disposed)
                PollOnce();
        }
    }

    private void PollOnce()
    {
        Open();
        Discover(fromEnd: false);
        foreach (var (path, file) in files)
        {
            List<string> lines;
            long bytes;
            try
            {
                (lines, bytes) = file.Poll();
            }
            catch (IOException)
            {
                metrics.Add("paniclens_parse_errors_total", Name);
                continue;
            }
            var position = file.Position;
            if (bytes > 0)
            {
                metrics.Add("paniclens_packets_total", Name);
                metrics.Add("paniclens_bytes_total", Name, bytes);
            }
            if (lines.Count == 0 && position == file.Reported)
                continue;
            collector.AddFollowed(HostOf(path)!, Source, Name, lines, position);
            file.Reported = position;
        }
    }

    private void Discover(bool fromEnd)
    {
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
                continue;
            // A FIFO, socket or device is no console log, and opening a FIFO would wait for a writer and stop every poll.
            foreach (var path in Directory.EnumerateFiles(folder))
                if (HostOf(path) is not null && !files.ContainsKey(path) && !FileIdentity.IsSpecialFile(path))
                    files[path] = new FollowedFile(path, fromEnd, limits.MaxLineLength, fromEnd ? collector.FollowedAt(path) : null);
        }
    }

    public async Task Run(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
                Poll();
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>`web-01.log` → `web-01`; null for a rotated or compressed copy or a hidden file.</summary>
    public static string? HostOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.Length == 0)
            return null;
        var last = Path.GetExtension(name);
        if (last.Length > 1 && (last[1..].All(char.IsAsciiDigit) || last is ".gz" or ".xz" or ".zst" or ".bz2" or ".old"))
            return null;
        return last == ".log" ? name[..^4] : name;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            foreach (var file in files.Values)
                file.Dispose();
        }
    }
}
