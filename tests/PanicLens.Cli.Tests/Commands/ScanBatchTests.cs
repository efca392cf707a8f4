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

    [Fact]
    public void Files_as_the_last_scan_left_them_make_no_transaction_of_their_own_but_are_marked_scanned_at_once()
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("web-01.log", ScanFolder.Noise(30) + ScanFolder.Seed + ScanFolder.Noise(3, "a"));
        folder.Write("web-02.log", ScanFolder.Noise(40, "b"));
        folder.Write("web-03.log", ScanFolder.Noise(40, "c"));
        folder.Gzip("web-03.log", "web-03.log.1.gz");
        using var inner = CrashStores.Open(stores.NewSqlite());
        var recording = new RecordingStore(inner);
        FleetScanner Scanner() => new(recording, HostNaming.Create(null), () => null) { Parallelism = 1 };
        Scanner().Scan([folder.Root]);
        var first = recording.Batches.Count;
        var before = inner.Hosts().ToDictionary(h => h.Name, h => h.LastScanned);
        Thread.Sleep(20);

        folder.Append("web-02.log", ScanFolder.Noise(2, "d"));
        var again = Scanner().Scan([folder.Root]);

        Assert.Equal((3, 1L), (first, recording.Batches.Count - (long)first));
        string[] untouched = [FileIdentity.Of(folder.PathOf("web-01.log")).Inode, FileIdentity.Of(folder.PathOf("web-03.log.1.gz")).Inode];
        Assert.Equal(untouched.Order(StringComparer.Ordinal), recording.Marked.Order(StringComparer.Ordinal));
        Assert.All(inner.Hosts(), h => Assert.True(string.CompareOrdinal(h.LastScanned, before[h.Name]) > 0, h.Name));
        Assert.Equal(0, again.Reports);
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
        public List<string> Marked { get; } = [];

        public StoredFile? FindFile(string device, string inode) => inner.FindFile(device, inode);

        public void MarkScanned(IReadOnlyList<(string Device, string Inode)> files)
        {
            lock (Batches)
                Marked.AddRange(files.Select(f => f.Inode));
            inner.MarkScanned(files);
        }
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
