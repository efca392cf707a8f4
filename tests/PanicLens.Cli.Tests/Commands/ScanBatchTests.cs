using System.Text;
using PanicLens.Cli.Scanning;
using PanicLens.Storage;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// A storm in one log reaches the store in transactions of bounded size (<see cref="FleetScanner.BatchBytes"/>,
/// <see cref="FleetScanner.BatchReports"/>), so reports never pile up in memory waiting for it, and every report arrives.
/// </summary>
public sealed class ScanBatchTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    /// <summary>The seed report again and again, each at another time, with chatter between.</summary>
    private static string Storm(int reports)
    {
        var log = new StringBuilder();
        for (var i = 0; i < reports; i++)
            log.Append(ScanFolder.Noise(1 + i % 7, $"-{i}")).Append(ScanFolder.Seed.Replace("01:04:", $"{i / 60 % 24:00}:{i % 60:00}:"));
        return log.ToString();
    }

    private static List<string> Stored(ICrashStore store) =>
        [.. store.Buckets(new BucketFilter()).SelectMany(b => store.BucketReports(b.Id, 100_000))
            .Select(r => $"{r.StartLine}-{r.EndLine} {r.Host} {r.Kernel} {r.Pending} {r.Title}").Order(StringComparer.Ordinal)];

    private static long Bytes(NewReport r) => 2L * (r.RawText.Length + r.ReportJson.Length + (r.LineNumbers?.Length ?? 0));

    [Fact]
    public void A_storm_is_stored_in_small_transactions_and_no_report_is_lost()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("web-01.log", Storm(150));
        var path = folder.PathOf("web-01.log");

        using var whole = CrashStores.Open(stores.NewSqlite());
        new FleetScanner(whole, HostNaming.Create(null), () => null) { Parallelism = 1, BatchBytes = int.MaxValue }.Scan([path]);
        using var inner = CrashStores.Open(stores.NewSqlite());
        var recording = new RecordingStore(inner);
        const int bound = 200 << 10;
        var summary = new FleetScanner(recording, HostNaming.Create(null), () => null) { Parallelism = 1, BatchBytes = bound }.Scan([path]);

        Assert.Equal(150, summary.Reports);
        Assert.Equal(150, recording.Batches.Sum(b => b.Count));
        Assert.True(recording.Batches.Count > 3, $"{recording.Batches.Count} transactions");
        Assert.Contains(recording.Batches, b => b.Count > 1);
        Assert.All(recording.Batches, b => Assert.True(b.Count == 1 || b.Sum(Bytes) <= bound, $"{b.Count} reports, {b.Sum(Bytes)} bytes"));
        Assert.All(recording.Batches, b => Assert.InRange(b.Count, 0, FleetScanner.BatchReports));
        Assert.Equal(Stored(whole), Stored(inner));
        Assert.Equal(150, Stored(inner).Count);
    }

    [Fact]
    public void A_report_larger_than_the_bound_is_stored_alone()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("web-01.log", Storm(5));
        using var inner = CrashStores.Open(stores.NewSqlite());
        var recording = new RecordingStore(inner);
        new FleetScanner(recording, HostNaming.Create(null), () => null) { Parallelism = 1, BatchBytes = 1 }.Scan([folder.PathOf("web-01.log")]);

        Assert.Equal([1, 1, 1, 1, 1], recording.Batches.Select(b => b.Count));
        Assert.Equal(5, Stored(inner).Count);
    }

    /// <summary>The store, noting what each transaction of a scan held.</summary>
    private sealed class RecordingStore(ICrashStore inner) : ICrashStore
    {
        public List<List<NewReport>> Batches { get; } = [];

        public int Record(FileRecord record)
        {
            lock (Batches)
                Batches.Add([.. record.Reports]);
            return inner.Record(record);
        }

        public string Name => inner.Name;
        public StoredFile? FindFile(string device, string inode) => inner.FindFile(device, inode);
        public IReadOnlyList<BucketSummary> Buckets(BucketFilter filter) => inner.Buckets(filter);
        public BucketSummary? FindBucket(string id) => inner.FindBucket(id);
        public IReadOnlyList<StoredReport> BucketReports(string id, int limit) => inner.BucketReports(id, limit);
        public StoredReport? FindReport(long id) => inner.FindReport(id);
        public IReadOnlyList<HostSummary> Hosts() => inner.Hosts();
        public long CountReports() => inner.CountReports();
        public void RecordBoot(HostBoot boot) => inner.RecordBoot(boot);
        public LiveRecord RecordLive(LiveReport live) => inner.RecordLive(live);
        public IReadOnlyList<ReportSource> Sources(long reportId) => inner.Sources(reportId);
        public IReadOnlyList<StoredReport> Reports(ReportFilter filter) => inner.Reports(filter);
        public long CountBuckets() => inner.CountBuckets();
        public IReadOnlyList<BucketDay> BucketDays(BucketFilter filter) => inner.BucketDays(filter);
        public void Dispose() { }
    }
}
