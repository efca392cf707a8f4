using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Logging;
using PanicLens.Server.Operations;

namespace PanicLens.Server.Streaming;

/// <summary>
/// The received stream on disk (`--spool DIR`): every event of the collector (a line, a sequence gap, a report closed
/// by time, an eviction) and every stored chunk is appended to a segment file, and once a second a checkpoint (the
/// collector's whole state: each stream's context and open report, and the completed chunks not yet stored) replaces
/// the segments before it. After a crash, the checkpoint and the segments after it give back exactly the state the
/// process had, and the chunks not yet stored are stored.
///
/// Writes: records gather in memory and go to the file (one write) when 256 KiB are gathered, when a TCP receiver
/// finished a read, and every 10 ms; so a crash of the process loses at most the last 10 ms of datagrams and no line of
/// a TCP read already handled. The checkpoint is written to a temporary file, fsync'ed and renamed; segments are not
/// fsync'ed (a crash of the machine loses at most the events since the last checkpoint, 1 s). Bounded: the segments
/// between two checkpoints hold at most <see cref="LiveLimits.MaxSpoolBytes"/>; past that, or after a write error, events are
/// not spooled (still handled in memory) and counted as `paniclens_drops_total{receiver="spool"}` until the next
/// checkpoint, which holds the whole state again. Not thread-safe for appends: the collector calls under its lock.
/// </summary>
public sealed class Spool : IDisposable
{
    private const string CheckpointName = "checkpoint";
    private const string SegmentExtension = ".seg";
    /// <summary>Kind (1), host length (2), source length (2), line length (4).</summary>
    private const int HeaderSize = 9;
    private const int CommitSize = 256 << 10;
    /// <summary>No record we write is longer; a longer one read back is a torn tail.</summary>
    private const int MaxFieldBytes = 1 << 20;

    private readonly string folder;
    private readonly long maxBytes;
    private readonly ServerMetrics metrics;
    private readonly ILogger log;
    private readonly FileStream lockFile;
    private readonly Lock gate = new();
    private byte[] buffer = new byte[CommitSize * 2];
    private int buffered;
    private FileStream? segment;
    private long segmentBytes;
    private bool broken;

    public Spool(string folder, long maxBytes, ServerMetrics metrics, ILogger log)
    {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
        this.log = log;
        try
        {
            Directory.CreateDirectory(folder);
            // One process per spool: .NET takes an exclusive flock for FileShare.None.
            lockFile = new FileStream(Path.Combine(folder, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServeException(Localization.Messages.Format("error.spool", folder, e.Message));
        }
    }

    public string Folder => folder;

    /// <summary>The checkpoint (null when none was written) and every record after it, in order.</summary>
    public (SpoolCheckpoint? Checkpoint, List<SpoolRecord> Tail) Load()
    {
        SpoolCheckpoint? checkpoint = null;
        var path = Path.Combine(folder, CheckpointName);
        if (File.Exists(path))
        {
            try
            {
                checkpoint = SpoolCheckpoint.Read(path);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException)
            {
                throw new ServeException(Localization.Messages.Format("error.spool-checkpoint", path, e.Message));
            }
        }
        var tail = new List<SpoolRecord>();
        foreach (var (start, file) in Segments())
            if (checkpoint is null || start >= checkpoint.Start)
                ReadSegment(file, start, tail);
        return (checkpoint, tail);
    }

    public void Line(string host, string source, string line) => Append(SpoolRecordKind.Line, host, source, line);

    public void Mark(SpoolRecordKind kind, string host, string source) => Append(kind, host, source, "");

    /// <summary>The chunk completed at <paramref name="completedAt"/> is stored (called by the store writer).</summary>
    public void Stored(long completedAt) => Append(SpoolRecordKind.Stored, "", "", completedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Hands what is gathered to the operating system.</summary>
    public void Commit()
    {
        lock (gate)
            WriteBuffered();
    }

    /// <summary>Starts a new segment whose first event is <paramref name="start"/> (the collector's cut for a checkpoint).</summary>
    public void Rotate(long start)
    {
        lock (gate)
        {
            WriteBuffered();
            segment?.Dispose();
            segment = null;
            segmentBytes = 0;
            try
            {
                segment = new FileStream(Path.Combine(folder, $"{start:D19}{SegmentExtension}"), FileMode.Create, FileAccess.Write, FileShare.Read, 1);
                broken = false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Break(e);
            }
        }
    }

    /// <summary>Writes the checkpoint durably, then removes the segments it replaces.</summary>
    public void WriteCheckpoint(SpoolCheckpoint checkpoint)
    {
        var path = Path.Combine(folder, CheckpointName);
        try
        {
            checkpoint.Write(path + ".tmp");
            File.Move(path + ".tmp", path, overwrite: true);
            foreach (var (start, file) in Segments())
                if (start < checkpoint.Start)
                    File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            metrics.Add("paniclens_drops_total", "spool-checkpoint");
            log.LogError("spool {Folder}: checkpoint not written: {Message}", folder, e.Message);
        }
    }

    private void Append(SpoolRecordKind kind, string host, string source, string line)
    {
        lock (gate)
        {
            if (broken || segment is null || segmentBytes + buffered > maxBytes)
            {
                metrics.Add("paniclens_drops_total", "spool");
                return;
            }
            var size = HeaderSize + Encoding.UTF8.GetMaxByteCount(host.Length + source.Length + line.Length);
            if (buffered + size > buffer.Length)
            {
                WriteBuffered();
                if (size > buffer.Length)
                    Array.Resize(ref buffer, size);
            }
            var span = buffer.AsSpan(buffered);
            var hostBytes = Encoding.UTF8.GetBytes(host, span[HeaderSize..]);
            var sourceBytes = Encoding.UTF8.GetBytes(source, span[(HeaderSize + hostBytes)..]);
            var lineBytes = Encoding.UTF8.GetBytes(line, span[(HeaderSize + hostBytes + sourceBytes)..]);
            span[0] = (byte)kind;
            BinaryPrimitives.WriteUInt16LittleEndian(span[1..], (ushort)hostBytes);
            BinaryPrimitives.WriteUInt16LittleEndian(span[3..], (ushort)sourceBytes);
            BinaryPrimitives.WriteInt32LittleEndian(span[5..], lineBytes);
            buffered += HeaderSize + hostBytes + sourceBytes + lineBytes;
            if (buffered >= CommitSize)
                WriteBuffered();
        }
    }

    private void WriteBuffered()
    {
        if (buffered == 0 || segment is null)
        {
            buffered = 0;
            return;
        }
        try
        {
            segment.Write(buffer, 0, buffered);
            segmentBytes += buffered;
        }
        catch (IOException e)
        {
            Break(e);
        }
        buffered = 0;
    }

    private void Break(Exception e)
    {
        if (!broken)
            log.LogError("spool {Folder}: events not spooled until the next checkpoint: {Message}", folder, e.Message);
        broken = true;
        segment?.Dispose();
        segment = null;
    }

    private List<(long Start, string File)> Segments()
    {
        var segments = new List<(long, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*" + SegmentExtension))
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start))
                segments.Add((start, file));
        segments.Sort();
        return segments;
    }

    /// <summary>Reads records up to the end or a torn tail (a record cut short by a crash of the machine).</summary>
    private static void ReadSegment(string file, long start, List<SpoolRecord> records)
    {
        var bytes = File.ReadAllBytes(file);
        var at = 0;
        var next = start;
        while (at + HeaderSize <= bytes.Length)
        {
            var kind = (SpoolRecordKind)bytes[at];
            var hostBytes = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 1));
            var sourceBytes = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 3));
            var lineBytes = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 5));
            if (kind is < SpoolRecordKind.Line or > SpoolRecordKind.Stored || lineBytes is < 0 or > MaxFieldBytes
                || at + HeaderSize + hostBytes + sourceBytes + lineBytes > bytes.Length)
                return;
            var span = bytes.AsSpan(at + HeaderSize);
            var host = Encoding.UTF8.GetString(span[..hostBytes]);
            var source = Encoding.UTF8.GetString(span.Slice(hostBytes, sourceBytes));
            var line = Encoding.UTF8.GetString(span.Slice(hostBytes + sourceBytes, lineBytes));
            at += HeaderSize + hostBytes + sourceBytes + lineBytes;
            if (kind == SpoolRecordKind.Stored)
            {
                if (!long.TryParse(line, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stored))
                    return;
                records.Add(new SpoolRecord(kind, "", "", null, stored));
            }
            else
                records.Add(new SpoolRecord(kind, host, source, line, next++));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            WriteBuffered();
            segment?.Dispose();
            segment = null;
        }
        lockFile.Dispose();
    }
}
