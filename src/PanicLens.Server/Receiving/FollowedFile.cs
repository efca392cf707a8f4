using System.Security.Cryptography;
using System.Text;
using PanicLens.Server.Streaming;
using PanicLens.Storage;

namespace PanicLens.Server.Receiving;

/// <summary>
/// One console-server log being followed (`tail -F` semantics). It keeps its file open, so after a rotation by rename
/// it reads the old file to its end before taking the new one under the same name. A rotation is seen as a different
/// head at the path (the first bytes read differ), a truncation (`copytruncate`) as the open file being shorter than
/// what was read. Lines are cut at <see cref="LiveLimits.MaxLineLength"/>; an unfinished last line waits for its newline.
/// <see cref="Position"/> says how far its complete lines reach, for the spool; a file opened with the position a
/// previous run left reads on from there when it is still that file (device, inode and head).
/// </summary>
internal sealed class FollowedFile : IDisposable
{
    /// <summary>Bytes compared to recognise the file at the path as the one open (as `scan` hashes a head).</summary>
    private const int HeadLength = 4096;

    private readonly string path;
    private readonly int maxLine;
    private FileStream? file;
    private byte[] head = [];
    private string headHash = "";
    private (string Device, string Inode) identity;
    /// <summary>The offset after the last newline read from the open file.</summary>
    private long lineEnd;
    private readonly StringBuilder partial = new();
    private readonly byte[] buffer = new byte[64 << 10];

    public FollowedFile(string path, bool fromEnd, int maxLine, FollowPosition? resume = null)
    {
        this.path = path;
        this.maxLine = maxLine;
        Open(fromEnd, resume);
    }

    public string Path => path;

    /// <summary>The open file and how far its complete lines were read; null while no file is open.</summary>
    public FollowPosition? Position =>
        file is null ? null : new FollowPosition(path, identity.Device, identity.Inode, headHash, head.Length, lineEnd);

    /// <summary>The last position handed to the collector (the receiver's bookkeeping).</summary>
    public FollowPosition? Reported { get; set; }

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
            lineEnd = 0;
            SetHead([]);
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

    private void Open(bool fromEnd, FollowPosition? resume = null)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        identity = FileIdentity.Of(path);
        SetHead([]);
        lineEnd = 0;
        if (resume is not null && IsResumable(resume))
        {
            ReadHead();
            file.Position = lineEnd = resume.Offset;
        }
        else if (fromEnd)
        {
            ReadHead();
            file.Position = lineEnd = file.Length;
        }
    }

    /// <summary>The open file is the one a previous run read up to <paramref name="resume"/>, and not shorter than that.</summary>
    private bool IsResumable(FollowPosition resume)
    {
        if (resume.Device != identity.Device || resume.Inode != identity.Inode || file!.Length < resume.Offset
            || resume.HeadLength is < 0 or > HeadLength || file.Length < resume.HeadLength)
            return false;
        var bytes = new byte[resume.HeadLength];
        file.Position = 0;
        file.ReadExactly(bytes);
        file.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == resume.HeadHash;
    }

    private void ReadHead()
    {
        var position = file!.Position;
        file.Position = 0;
        var bytes = new byte[(int)Math.Min(HeadLength, file.Length)];
        file.ReadExactly(bytes);
        SetHead(bytes);
        file.Position = position;
    }

    private void SetHead(byte[] bytes)
    {
        head = bytes;
        headHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private long Drain(List<string> lines)
    {
        long total = 0;
        int read;
        var start = file!.Position;
        while ((read = file.Read(buffer)) > 0)
        {
            total += read;
            if (buffer.AsSpan(0, read).LastIndexOf((byte)'\n') is var newline and >= 0)
                lineEnd = start + newline + 1;
            start += read;
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
