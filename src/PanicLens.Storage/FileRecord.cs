namespace PanicLens.Storage;

/// <summary>
/// The outcome of reading one file, stored in one transaction: the file's new state and the reports found, so a scan
/// that dies half-way never advances an offset past reports it did not store. Pending reports of the file from an
/// earlier scan are replaced by these.
/// </summary>
public sealed record FileRecord(StoredFile File, IReadOnlyList<NewReport> Reports)
{
    /// <summary>The last boot banner read of each host in this read; a host's last boot is the latest the store has seen.</summary>
    public IReadOnlyList<HostBoot> Boots { get; init; } = [];

    /// <summary>
    /// One of several records of a read that goes on (a storm stored in bounded transactions, each with the file's
    /// state before the read): it replaces only the pending reports it brings again (by start line), so that a scan
    /// running beside it still finds its own pending report to replace; the read's last record replaces the rest.
    /// </summary>
    public bool Partial { get; init; }
}
