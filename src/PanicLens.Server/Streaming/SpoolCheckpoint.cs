namespace PanicLens.Server.Streaming;

/// <summary>
/// The collector's state at event <see cref="Start"/> (the first event not in it): every stream's detector state and the
/// completed chunks not yet stored, and how far each followed file was read. Binary, versioned by its first bytes (version
/// 2 adds a chunk's boot and the followed files; version 1 is still read); written whole to a temporary file, fsync'ed
/// and renamed by <see cref="Spool"/>.
/// </summary>
public sealed record SpoolCheckpoint(long Start, IReadOnlyList<LiveStreamState> Streams, IReadOnlyList<CompletedChunk> Pending,
    IReadOnlyList<FollowPosition> Follows)
{
    private const string Magic = "PANICLENS-SPOOL/2";
    private const string MagicVersion1 = "PANICLENS-SPOOL/1";

    /// <summary>Writes the file; <paramref name="durable"/> also waits for the disk (fsync).</summary>
    public void Write(string path, bool durable)
    {
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Start);
                writer.Write(Streams.Count);
                foreach (var stream in Streams)
                {
                    writer.Write(stream.Host);
                    writer.Write(stream.Source);
                    WriteLines(writer, stream.Context);
                    writer.Write(stream.Report is not null);
                    if (stream.Report is not null)
                        WriteLines(writer, stream.Report);
                    writer.Write(stream.Heard);
                    writer.Write(stream.Ended);
                    writer.Write(stream.Trailing);
                    writer.Write(stream.Panicked);
                    writer.Write(stream.Lossy);
                    WriteText(writer, stream.Kernel);
                }
                writer.Write(Pending.Count);
                foreach (var chunk in Pending)
                {
                    writer.Write(chunk.CompletedAt);
                    writer.Write(chunk.Host);
                    writer.Write(chunk.Source);
                    WriteLines(writer, chunk.Lines);
                    writer.Write(chunk.Lossy);
                    WriteText(writer, chunk.Kernel);
                    writer.Write(chunk.SilentReset);
                    writer.Write(chunk.Boot is not null);
                    if (chunk.Boot is { } boot)
                    {
                        WriteText(writer, boot.Timestamp);
                        writer.Write(boot.Kernel);
                    }
                }
                writer.Write(Follows.Count);
                foreach (var follow in Follows)
                {
                    writer.Write(follow.Path);
                    writer.Write(follow.Device);
                    writer.Write(follow.Inode);
                    writer.Write(follow.HeadHash);
                    writer.Write(follow.HeadLength);
                    writer.Write(follow.Offset);
                }
            }
            file.Flush(flushToDisk: durable);
        }
    }

    public static SpoolCheckpoint Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), System.Text.Encoding.UTF8);
        var version = reader.ReadString() switch
        {
            Magic => 2,
            MagicVersion1 => 1,
            _ => throw new InvalidDataException("not a PanicLens spool checkpoint of version 1 or 2"),
        };
        var start = reader.ReadInt64();
        var streams = new List<LiveStreamState>();
        for (var count = Count(reader); count > 0; count--)
        {
            var host = reader.ReadString();
            var source = reader.ReadString();
            var context = ReadLines(reader);
            var report = reader.ReadBoolean() ? ReadLines(reader) : null;
            streams.Add(new LiveStreamState(host, source, context, report, reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadInt32(),
                reader.ReadBoolean(), reader.ReadBoolean(), ReadText(reader)));
        }
        var pending = new List<CompletedChunk>();
        for (var count = Count(reader); count > 0; count--)
        {
            var completedAt = reader.ReadInt64();
            var host = reader.ReadString();
            var source = reader.ReadString();
            var lines = ReadLines(reader);
            var lossy = reader.ReadBoolean();
            var kernel = ReadText(reader);
            var silentReset = reader.ReadBoolean();
            var boot = version >= 2 && reader.ReadBoolean() ? new Storage.HostBoot(host, ReadText(reader), reader.ReadString()) : null;
            pending.Add(new CompletedChunk(host, source, lines, lossy, kernel, silentReset) { CompletedAt = completedAt, Boot = boot });
        }
        var follows = new List<FollowPosition>();
        for (var count = version >= 2 ? Count(reader) : 0; count > 0; count--)
            follows.Add(new FollowPosition(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
                reader.ReadInt32(), reader.ReadInt64()));
        return new SpoolCheckpoint(start, streams, pending, follows);
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= 1 << 24 ? count : throw new InvalidDataException($"bad count {count}");
    }

    private static void WriteLines(BinaryWriter writer, IReadOnlyList<string> lines)
    {
        writer.Write(lines.Count);
        foreach (var line in lines)
            writer.Write(line);
    }

    private static List<string> ReadLines(BinaryReader reader)
    {
        var lines = new List<string>();
        for (var count = Count(reader); count > 0; count--)
            lines.Add(reader.ReadString());
        return lines;
    }

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
            writer.Write(text);
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
