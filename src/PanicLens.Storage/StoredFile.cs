namespace PanicLens.Storage;

/// <summary>
/// What the store remembers of one log file between scans: its identity (device and inode, and a hash of its first
/// <see cref="HeadLength"/> bytes, which tells a reused inode or a rewritten file), how large it was, and how far it was
/// read. <see cref="Offset"/> is the byte where the next scan starts (the start of a line); <see cref="Lines"/> the
/// lines before it, so line numbers go on where they stopped.
/// </summary>
public sealed record StoredFile(string Host, string Device, string Inode, string Path, string HeadHash, long HeadLength,
    long Size, long Offset, long Lines, string Compression)
{
    /// <summary>The release of the last boot banner before <see cref="Offset"/>: the kernel of reports after it that print none.</summary>
    public string? BootKernel { get; init; }
}
