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
/// Writes: appending only encodes into pooled memory (the collector appends under its lock, which must never wait for
/// a disk); <see cref="Commit"/> hands what gathered to the file, after every TCP read (on that connection's task) and
/// every 10 ms, so a crash of the process loses at most the last 10 ms of datagrams and no line of a TCP read already
/// handled. The checkpoint is written to a temporary file and renamed; it is fsync'ed every 30 s, at start and at stop,
/// not every second: on ext4 an fsync commits the segments' megabytes with it and stalls the receivers' writes (at 200k
/// lines/s a crash then took 1.6–1.9 s to store instead of 0.6 s). Segments are not fsync'ed. A crash of the machine
/// thus loses at most the events since the last checkpoint the kernel wrote back (30 s). Bounded: the segments between two checkpoints
/// hold at most <see cref="LiveLimits.MaxSpoolBytes"/>, and at most <see cref="MaxUnwritten"/> wait for the disk; past
/// either, or after a write error, events are not spooled (still handled in memory) and counted as
/// `paniclens_drops_total{receiver="spool"}` until the next checkpoint, which holds the whole state again.
/// </summary>
public sealed class Spool : IDisposable
{
    private const string CheckpointName = "checkpoint";
    private const string SegmentExtension = ".seg";
    /// <summary>Kind (1), host length (2), source length (2), line length (4).</summary>
    private const int HeaderSize = 9;
    private const int BlockSize = 256 << 10;
    /// <summary>Encoded bytes waiting for the disk at most (a disk that stalls must not grow memory without end).</summary>
    private const long MaxUnwritten = 64L << 20;
    /// <summary>No record we write is longer; a longer one read back is a torn tail.</summary>
    private const int MaxFieldBytes = 1 << 20;

    private readonly string folder;
    private readonly long maxBytes;
    private readonly ServerMetrics metrics;
    private readonly ILogger log;
    private readonly FileStream lockFile;
    /// <summary>Guards the blocks being filled (appends, cuts); held only for memory work.</summary>
    private readonly Lock gate = new();
    /// <summary>Guards the open segment file; held while writing.</summary>
    private readonly Lock writeGate = new();
    /// <summary>Filled blocks, each for the segment that starts at its event, oldest first (under <see cref="gate"/>).</summary>
    private List<(long Segment, byte[] Block, int Length)> filled = [];
    private byte[]? block;
    private int used;
    /// <summary>The segment the current block belongs to; null before the first <see cref="Rotate"/>.</summary>
    private long? segmentStart;
    private long sinceCut;
    private long unwritten;
    private bool broken;
    /// <summary>The file of <see cref="openStart"/> (under <see cref="writeGate"/>).</summary>
    private FileStream? segment;
    private long openStart = -1;
    /// <summary>A segment a write failed in: nothing more is written to it (a gap inside a segment would replay wrong).</summary>
    private long failedStart = -1;

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

    /// <summary>A followed file was read up to <paramref name="position"/> (not an event: it takes no number).</summary>
    public void Followed(FollowPosition position) => Append(SpoolRecordKind.Offset, position.Path, "", position.Format());

    /// <summary>The chunk completed at <paramref name="completedAt"/> is stored (called by the store writer).</summary>
    public void Stored(long completedAt) => Append(SpoolRecordKind.Stored, "", "", completedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Hands what gathered to the operating system (a receiver's task or the spool's clock; never under the collector's lock).</summary>
    public void Commit()
    {
        lock (writeGate)
        {
            List<(long Segment, byte[] Block, int Length)> blocks;
            lock (gate)
            {
                Seal();
                blocks = filled;
                filled = [];
                unwritten = 0;
            }
            foreach (var (start, bytes, length) in blocks)
            {
                Write(start, bytes, length);
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    /// <summary>
    /// The cut of a checkpoint (under the collector's lock, memory work only): what follows belongs to the segment
    /// whose first event is <paramref name="start"/>. Spooling resumes after an error or the size bound.
    /// </summary>
    public void Rotate(long start)
    {
        lock (gate)
        {
            Seal();
            segmentStart = start;
            sinceCut = 0;
            broken = false;
        }
    }

    /// <summary>
    /// Writes what gathered and the checkpoint (to a temporary file, renamed over the last: a crash finds one or the
    /// other whole), then removes the segments it replaces. <paramref name="durable"/> fsyncs it first.
    /// </summary>
    public void WriteCheckpoint(SpoolCheckpoint checkpoint, bool durable)
    {
        Commit();
        var path = Path.Combine(folder, CheckpointName);
        try
        {
            checkpoint.Write(path + ".tmp", durable);
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
            if (broken || segmentStart is null || sinceCut > maxBytes || unwritten > MaxUnwritten)
            {
                metrics.Add("paniclens_drops_total", "spool");
                return;
            }
            var size = HeaderSize + Encoding.UTF8.GetMaxByteCount(host.Length + source.Length + line.Length);
            if (block is null || used + size > block.Length)
            {
                Seal();
                block = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(BlockSize, size));
            }
            var span = block.AsSpan(used);
            var hostBytes = Encoding.UTF8.GetBytes(host, span[HeaderSize..]);
            var sourceBytes = Encoding.UTF8.GetBytes(source, span[(HeaderSize + hostBytes)..]);
            var lineBytes = Encoding.UTF8.GetBytes(line, span[(HeaderSize + hostBytes + sourceBytes)..]);
            span[0] = (byte)kind;
            BinaryPrimitives.WriteUInt16LittleEndian(span[1..], (ushort)hostBytes);
            BinaryPrimitives.WriteUInt16LittleEndian(span[3..], (ushort)sourceBytes);
            BinaryPrimitives.WriteInt32LittleEndian(span[5..], lineBytes);
            var length = HeaderSize + hostBytes + sourceBytes + lineBytes;
            used += length;
            sinceCut += length;
            unwritten += length;
        }
    }

    /// <summary>Moves the current block to the filled ones (under <see cref="gate"/>).</summary>
    private void Seal()
    {
        if (block is not null && used > 0 && segmentStart is { } start)
            filled.Add((start, block, used));
        else if (block is not null)
            System.Buffers.ArrayPool<byte>.Shared.Return(block);
        block = null;
        used = 0;
    }

    /// <summary>Appends a block to its segment's file, opening it when the segment changed (under <see cref="writeGate"/>).</summary>
    private void Write(long start, byte[] bytes, int length)
    {
        if (start == failedStart)
        {
            metrics.Add("paniclens_drops_total", "spool");
            return;
        }
        try
        {
            if (segment is null || openStart != start)
            {
                // Segments are written in order, each opened once: a file left with this name (a torn one) is replaced.
                segment?.Dispose();
                segment = null;
                openStart = start;
                segment = new FileStream(Path.Combine(folder, $"{start:D19}{SegmentExtension}"), FileMode.Create, FileAccess.Write, FileShare.Read, 1);
            }
            segment.Write(bytes, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            segment?.Dispose();
            segment = null;
            failedStart = start;
            lock (gate)
            {
                if (!broken)
                    log.LogError("spool {Folder}: events not spooled until the next checkpoint: {Message}", folder, e.Message);
                broken = true;
            }
        }
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
            if (kind is < SpoolRecordKind.Line or > SpoolRecordKind.Offset || lineBytes is < 0 or > MaxFieldBytes
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
            else if (kind == SpoolRecordKind.Offset)
                records.Add(new SpoolRecord(kind, host, source, line, next));
            else
                records.Add(new SpoolRecord(kind, host, source, line, next++));
        }
    }

    public void Dispose()
    {
        Commit();
        lock (writeGate)
        {
            segment?.Dispose();
            segment = null;
        }
        lockFile.Dispose();
    }
}
