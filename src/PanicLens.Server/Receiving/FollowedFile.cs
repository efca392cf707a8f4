using System.Text;

namespace PanicLens.Server.Receiving;

/// <summary>
/// One console-server log being followed (`tail -F` semantics). It keeps its file open, so after a rotation by rename
/// it reads the old file to its end before taking the new one under the same name. A rotation is seen as a different
/// head at the path (the first bytes read differ), a truncation (`copytruncate`) as the open file being shorter than
/// what was read. Lines are cut at <see cref="LiveLimits.MaxLineLength"/>; an unfinished last line waits for its newline.
/// </summary>
internal sealed class FollowedFile : IDisposable
{
    /// <summary>Bytes compared to recognise the file at the path as the one open (as `scan` hashes a head).</summary>
    private const int HeadLength = 4096;

    private readonly string path;
    private readonly int maxLine;
    private FileStream? file;
    private byte[] head = [];
    private readonly StringBuilder partial = new();
    private readonly byte[] buffer = new byte[64 << 10];

    public FollowedFile(string path, bool fromEnd, int maxLine)
    {
        this.path = path;
        this.maxLine = maxLine;
        Open(fromEnd);
    }

    public string Path => path;

    /// <summary>Reads what is new; returns the lines completed and the bytes read.</summary>
    public (List<string> Lines, long Bytes) Poll()
    {
        var lines = new List<string>();
        long bytes = 0;
        if (file is null)
        {
            if (!File.Exists(path))
                return (lines, 0);
            Open(fromEnd: false);
        }
        if (file!.Length < file.Position)
        {
            // Truncated in place: start again at its beginning; a half line before the cut is gone.
            partial.Clear();
            file.Position = 0;
            head = [];
        }
        bytes += Drain(lines);
        if (Rotated())
        {
            bytes += Drain(lines);
            if (partial.Length > 0)
            {
                lines.Add(partial.ToString());
                partial.Clear();
            }
            file.Dispose();
            file = null;
            if (File.Exists(path))
            {
                Open(fromEnd: false);
                bytes += Drain(lines);
            }
        }
        return (lines, bytes);
    }

    private void Open(bool fromEnd)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        head = [];
        if (fromEnd)
        {
            ReadHead();
            file.Seek(0, SeekOrigin.End);
        }
    }

    private void ReadHead()
    {
        var position = file!.Position;
        file.Position = 0;
        var bytes = new byte[(int)Math.Min(HeadLength, file.Length)];
        file.ReadExactly(bytes);
        head = bytes;
        file.Position = position;
    }

    private long Drain(List<string> lines)
    {
        long total = 0;
        int read;
        while ((read = file!.Read(buffer)) > 0)
        {
            total += read;
            Split(buffer.AsSpan(0, read), lines);
        }
        if (head.Length < HeadLength && file.Length > head.Length)
            ReadHead();
        return total;
    }

    private void Split(ReadOnlySpan<byte> bytes, List<string> lines)
    {
        while (bytes.IndexOf((byte)'\n') is var newline and >= 0)
        {
            Append(bytes[..newline]);
            lines.Add(partial.ToString().TrimEnd('\r'));
            partial.Clear();
            bytes = bytes[(newline + 1)..];
        }
        Append(bytes);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = maxLine - partial.Length;
        if (room > 0)
            partial.Append(Encoding.Latin1.GetString(bytes[..Math.Min(room, bytes.Length)]));
    }

    /// <summary>The path now names another file: gone, or its first bytes are not ours.</summary>
    private bool Rotated()
    {
        try
        {
            using var current = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            var length = (int)Math.Min(head.Length, current.Length);
            if (current.Length < head.Length && current.Length < file!.Length)
                return true;
            var bytes = new byte[length];
            current.ReadExactly(bytes);
            return !bytes.AsSpan().SequenceEqual(head.AsSpan(0, length));
        }
        catch (FileNotFoundException)
        {
            return true;
        }
    }

    public void Dispose() => file?.Dispose();
}
