namespace PanicLens.Storage;

/// <summary>
/// The store of a fleet's crashes: files read, reports found, their buckets. One contract, two databases (SQLite for
/// one machine, PostgreSQL for a fleet); the same contract test suite runs against both. Safe to call from several
/// threads; several processes may share one database: uniqueness is the database's job.
/// </summary>
public interface ICrashStore : IDisposable
{
    /// <summary>Where the store is, for messages (no password).</summary>
    string Name { get; }

    /// <summary>The file with this device and inode, or null when it was never read.</summary>
    StoredFile? FindFile(string device, string inode);

    /// <summary>Stores one file's reports and its new state in one transaction; returns how many reports were new.</summary>
    int Record(FileRecord record);

    /// <summary>
    /// Notes that files were looked at again and found unchanged (nothing read, so nothing to <see cref="Record"/>): their
    /// scan time becomes now, in one transaction for all of them.
    /// </summary>
    void MarkScanned(IReadOnlyList<(string Device, string Inode)> files);

    IReadOnlyList<BucketSummary> Buckets(BucketFilter filter);

    BucketSummary? FindBucket(string id);

    /// <summary>The bucket's reports, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoredReport> BucketReports(string id, int limit);

    StoredReport? FindReport(long id);

    IReadOnlyList<HostSummary> Hosts();

    long CountReports();

    /// <summary>A boot of a host seen live: its last boot unless the store knows a later one (as <see cref="Record"/> does with a file's boots).</summary>
    void RecordBoot(HostBoot boot);

    /// <summary>Stores one report of a live stream (see <see cref="LiveReport"/>) and lists its source.</summary>
    LiveRecord RecordLive(LiveReport live);

    /// <summary>The live sources that delivered a report, first arrival first (none for a scanned report).</summary>
    IReadOnlyList<ReportSource> Sources(long reportId);

    /// <summary>Reports newest first, filtered and paged.</summary>
    IReadOnlyList<StoredReport> Reports(ReportFilter filter);

    long CountBuckets();

    /// <summary>Reports per bucket per day, filtered like <see cref="Buckets"/>; ordered by bucket, then day.</summary>
    IReadOnlyList<BucketDay> BucketDays(BucketFilter filter);
}
