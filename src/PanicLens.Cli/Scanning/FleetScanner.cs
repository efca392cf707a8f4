using System.Collections.Concurrent;
using PanicLens.Buckets;
using PanicLens.Ingest;
using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Storage;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// `paniclens scan`: reads every log under the given paths, on all cores, through the same <see cref="ReportPipeline"/>
/// as `analyze`, and stores what it finds. Incremental per file (device and inode, head hash, offset): a plain file is
/// read on from where the last scan stopped, a rotated one under its new name too; a shrunk or rewritten file is read
/// again from its start; a compressed one is read whole once. A report that reaches the end of a plain file may still
/// be growing: it is stored as pending and the next scan reads it again from its first line and replaces it.
/// Only the lines around crash headers are read by the pipeline (<see cref="SparseLogReader"/>); a large plain file has
/// that search on all cores (<see cref="SegmentedLiteralSearch"/>).
/// </summary>
public sealed class FleetScanner(ICrashStore store, HostNaming hosts, Func<KnowledgeBase?> knowledge)
{
    /// <summary>Bytes hashed to recognise a file again (a reused inode or a rewritten file has another head).</summary>
    public const int HeadLength = 4096;

    /// <summary>Reports stored per transaction at most, so a storm in one file does not sit in memory.</summary>
    public const int BatchReports = 128;

    /// <summary>
    /// Bytes of text, JSON and line numbers of the reports waiting for one transaction (a single larger report goes
    /// alone). Small, because a report that waits while the pipeline allocates a few megabytes survives a collection
    /// and is promoted: batches of 4 MiB kept a crash storm's older generations, and its peak memory, about 5 MB higher;
    /// one transaction per 256 KiB costs no measurable CPU in SQLite (README "Measurements").
    /// </summary>
    public int BatchBytes { get; init; } = 256 << 10;

    /// <summary>Files never read: the store's own database when it lies in a scanned folder.</summary>
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>();

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Follow symbolic links found inside folders (<see cref="LogFiles"/>; named paths are always followed).</summary>
    public bool FollowLinks { get; init; }

    public ScanProgress Progress { get; } = new();

    /// <summary>Bytes of the read buffer of each file (tests make it small to cross buffer edges often).</summary>
    public int BufferSize { get; init; } = SparseLogReader.DefaultBufferSize;

    /// <summary>
    /// Plain text to read from one file at least before its literal search runs on all cores
    /// (<see cref="SegmentedLiteralSearch"/>); below it, files run in parallel but each on one thread.
    /// </summary>
    public long SegmentedFrom { get; init; } = 64L << 20;

    /// <summary>Bytes of one segment of a file searched on all cores (tests make it small so that segments cut reports).</summary>
    public long SegmentSize { get; init; } = 32L << 20;

    public ScanSummary Scan(IReadOnlyList<string> paths)
    {
        var skipped = new ConcurrentBag<SkippedFile>();
        var unchanged = new ConcurrentBag<(string, string)>();
        var files = LogFiles.Walk(paths, Excluded, skipped.Add, FollowLinks);
        Progress.TotalFiles = files.Count;
        Progress.TotalBytes = LogFiles.Size(files);
        long bytes = 0, reports = 0, added = 0;
        try
        {
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, path =>
            {
                try
                {
                    var (read, found, stored) = ScanFile(path, unchanged);
                    Interlocked.Add(ref bytes, read);
                    Interlocked.Add(ref reports, found);
                    Interlocked.Add(ref added, stored);
                    Progress.FileDone();
                }
                catch (StoreException)
                {
                    throw;
                }
                catch (CorruptArchiveException e)
                {
                    skipped.Add(new SkippedFile(path, e.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skipped.Add(new SkippedFile(path, e.Message));
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions is [StoreException failure, ..])
        {
            // The store failing stops the scan; its one-line message, not the parallel loop's wrapper, reaches the user.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        if (!unchanged.IsEmpty)
            store.MarkScanned([.. unchanged]);
        var list = skipped.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new ScanSummary(files.Count, bytes, reports, added, store.CountBuckets(), list);
    }

    /// <param name="unchanged">Where a file goes that is as the last scan left it: nothing to read or record, only its scan time to update.</param>
    private (long Bytes, long Reports, long Added) ScanFile(string path, ConcurrentBag<(string, string)> unchanged)
    {
        var (device, inode) = FileIdentity.Of(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        var size = file.Length;
        var head = new byte[(int)Math.Min(size, HeadLength)];
        file.ReadExactly(head);
        var compression = CompressedInput.Detect(head);
        var previous = store.FindFile(device, inode);
        long start = 0, lines = 0;
        if (previous is not null && previous.HeadLength <= head.Length && size >= previous.Offset
            && Hash(head.AsSpan(0, (int)previous.HeadLength)) == previous.HeadHash)
        {
            // A compressed log is read whole once; a plain one read to its end, with nothing pending, under the same
            // name (a rotation renames it: the new path is recorded) has nothing new.
            if ((compression != CompressionFormat.None && previous.Size == size)
                || (compression == CompressionFormat.None && previous.Offset == size && previous.Size == size && previous.Path == path))
            {
                file.Dispose();
                unchanged.Add((device, inode));
                return (0, 0, 0);
            }
            if (compression == CompressionFormat.None)
                (start, lines) = (previous.Offset, previous.Lines);
        }
        file.Seek(start, SeekOrigin.Begin);
        var state = new StoredFile(hosts.HostOf(path), device, inode, path, Hash(head), head.Length, size, start, lines,
            compression.ToString().ToLowerInvariant()) { BootKernel = start > 0 ? previous?.BootKernel : null };
        using var slice = new LogSlice(file, size - start) { Progress = Progress };
        if (compression == CompressionFormat.None)
        {
            if (Parallelism < 2 || size - start < SegmentedFrom)
                return Read(slice, slice, path, state, final: false);
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var search = new SegmentedLiteralSearch(handle, start, size - start, new(Parallelism, SegmentSize, BufferSize));
            return Read(slice, slice, path, state, final: false, search);
        }
        using var text = CompressedInput.Open(slice, path);
        return Read(text, slice, path, state, final: true);
    }

    /// <param name="text">The log's text.</param>
    /// <param name="raw">The bytes read from the file (the same stream for a plain file).</param>
    /// <param name="search">The literal search on all cores of a large plain log (null: the reader searches).</param>
    private (long Bytes, long Reports, long Added) Read(Stream text, LogSlice raw, string path, StoredFile state, bool final,
        SegmentedLiteralSearch? search = null)
    {
        var batch = new List<NewReport>();
        // The file's state before this read: what a batch stores before the last one.
        var unread = state;
        CrashReport? last = null;
        string? lastHost = null;
        long found = 0, added = 0, bytes = 0;
        var pipeline = new ReportPipeline(knowledge);
        var ownHosts = !hosts.NamesHost(path);
        using var reader = new SparseLogReader(text, () => pipeline.Idle, BufferSize)
        {
            Search = search,
            SoleHost = () => pipeline.SoleHost,
            // The release booted before this read's first line, for reports that print none.
            Preamble = state.BootKernel is { } booted ? new LogLine(0, $"Linux version {booted} (booted before line {state.Lines + 1})", null, null) : null,
        };
        foreach (var report in pipeline.Analyze(reader.Lines(), path))
        {
            found++;
            Progress.AddReport();
            if (last is not null)
                Add(StoredReports.From(last, state.Lines, pending: false, lastHost));
            last = report;
            lastHost = ownHosts ? HostOf(report) : null;
        }
        var lastLine = reader.Newlines + (reader.EndsWithNewline ? 0 : 1);
        // Lines are counted from this read's first byte: the last report's span within this read.
        var pending = !final && last is not null && last.EndLine >= lastLine;
        if (last is not null)
            Add(StoredReports.From(last, state.Lines, pending, lastHost));
        var boots = reader.Boots.Select(b => new HostBoot(ownHosts && b.Host is { } own ? own : state.Host, b.Timestamp, b.Release)).ToList();
        state = state with { BootKernel = reader.LastRelease ?? state.BootKernel };
        var end = final
            ? state with { Offset = state.Size, Lines = state.Lines + lastLine }
            : pending
                ? PendingFrom(path, state, last!.StartLine - 1)
                : state with { Offset = state.Offset + reader.LastNewlineEnd, Lines = state.Lines + reader.Newlines };
        added += store.Record(new FileRecord(end, batch) { Boots = boots });
        return (raw.BytesRead, found, added);

        void Add(NewReport report)
        {
            var size = Bytes(report);
            if (batch.Count > 0 && (batch.Count == BatchReports || bytes + size > BatchBytes))
            {
                // The file's offset stays where it was until the last batch: a scan that dies here reads these again.
                added += store.Record(new FileRecord(unread, batch) { Partial = true });
                batch.Clear();
                bytes = 0;
            }
            batch.Add(report);
            bytes += size;
        }
    }

    /// <summary>What a report waiting to be stored holds in its strings (UTF-16).</summary>
    private static long Bytes(NewReport report) =>
        2L * (report.RawText.Length + report.ReportJson.Length + (report.LineNumbers?.Length ?? 0));

    /// <summary>The machine the syslog prefix of the report's first line named (null: none, or `localhost`).</summary>
    private static string? HostOf(CrashReport report)
    {
        foreach (var line in report.Lines)
            if (line.Number == report.StartLine)
                return SparseLogReader.MachineName(line);
        return null;
    }

    /// <summary>The file's state when the next scan must start at the line after <paramref name="lines"/> read lines.</summary>
    private static StoredFile PendingFrom(string path, StoredFile state, long lines) =>
        state with { Offset = LineStart(path, state.Offset, lines), Lines = state.Lines + lines };

    /// <summary>The byte offset of the line that follows <paramref name="lines"/> newlines after <paramref name="from"/>.</summary>
    private static long LineStart(string path, long from, long lines)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        file.Seek(from, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var offset = from;
        int read;
        while (lines > 0 && (read = file.Read(buffer)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            var passed = 0;
            while (lines > 0 && span.IndexOf((byte)'\n') is var i and >= 0)
            {
                passed += i + 1;
                span = span[(i + 1)..];
                lines--;
            }
            offset += lines == 0 ? passed : read;
        }
        return offset;
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Sha256.Hex(bytes);
}
