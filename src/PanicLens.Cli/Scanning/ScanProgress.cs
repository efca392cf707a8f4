namespace PanicLens.Cli.Scanning;

/// <summary>How far a running scan is, updated by its worker threads and read by the progress line.</summary>
public sealed class ScanProgress
{
    private long bytes, files, reports;

    public long TotalBytes { get; internal set; }
    public long TotalFiles { get; internal set; }
    public long Bytes => Interlocked.Read(ref bytes);
    public long Files => Interlocked.Read(ref files);
    public long Reports => Interlocked.Read(ref reports);

    internal void AddBytes(long count) => Interlocked.Add(ref bytes, count);
    internal void FileDone() => Interlocked.Increment(ref files);
    internal void AddReport() => Interlocked.Increment(ref reports);
}
