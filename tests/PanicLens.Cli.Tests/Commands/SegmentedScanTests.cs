using System.Text;
using PanicLens.Cli.Scanning;
using PanicLens.Storage;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// One large plain log searched on all cores (<see cref="SegmentedLiteralSearch"/>) must give what one thread gives:
/// the same reports with the same line spans, titles, kernels and hosts, and the same offset for the next scan.
/// Segments are made tiny so that every report is cut by a segment's end somewhere.
/// </summary>
public sealed class SegmentedScanTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    /// <summary>Every corpus log, some behind a remote syslog prefix with a host, some after a boot banner, noise between.</summary>
    private static string CorpusLog()
    {
        var log = new StringBuilder();
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "corpus"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            log.Append(ScanFolder.Noise(1 + i * 7 % 40, $"-{i}"));
            if (i % 9 == 0)
                log.Append($"2017-01-14 02:00:00\tLinux version 5.{i}.0-test (gcc version 12) #1 SMP\n");
            var text = File.ReadAllText(file, Encoding.Latin1).TrimEnd('\n');
            if (i % 5 == 0)
                text = string.Join('\n', text.Split('\n').Select(l => $"Jan 14 01:04:26 web-{i % 3} kernel: {l}"));
            log.Append(text).Append('\n');
        }
        return log.ToString();
    }

    private static List<string> Stored(ICrashStore store) =>
        [.. store.Buckets(new BucketFilter()).SelectMany(b => store.BucketReports(b.Id, 100_000))
            .Select(r => $"{r.StartLine}-{r.EndLine} {r.Host} {r.Kernel} {r.Pending} {r.Title}").Order(StringComparer.Ordinal)];

    private (List<string> Reports, StoredFile File, ScanSummary Summary) ScanOnce(string path, FleetScanner scanner, ICrashStore store)
    {
        var summary = scanner.Scan([path]);
        var (device, inode) = FileIdentity.Of(path);
        return (Stored(store), store.FindFile(device, inode)!, summary);
    }

    [Theory]
    [InlineData(4096L, 4096)]
    [InlineData(1021L, 64 * 1024)]
    [InlineData(65_537L, SparseLogReader.DefaultBufferSize)]
    public void The_corpus_in_one_log_gives_the_same_reports_on_one_and_on_several_threads(long segment, int buffer)
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        folder.Write("fleet/console.log", CorpusLog());
        var path = folder.PathOf("fleet/console.log");

        using var single = CrashStores.Open(stores.NewSqlite());
        var one = ScanOnce(path, new FleetScanner(single, HostNaming.Create(null), () => null) { Parallelism = 1, BufferSize = buffer }, single);
        using var several = CrashStores.Open(stores.NewSqlite());
        var many = ScanOnce(path, new FleetScanner(several, HostNaming.Create(null), () => null)
        {
            Parallelism = 3, BufferSize = buffer, SegmentedFrom = 0, SegmentSize = segment,
        }, several);

        Assert.True(one.Reports.Count > 500, $"{one.Reports.Count} reports");
        Assert.Contains(one.Reports, r => r.Contains(" web-1 ", StringComparison.Ordinal));
        Assert.Equal(one.Reports, many.Reports);
        Assert.Equal((one.File.Offset, one.File.Lines, one.File.BootKernel), (many.File.Offset, many.File.Lines, many.File.BootKernel));
        Assert.Equal((one.Summary.Bytes, one.Summary.Reports), (many.Summary.Bytes, many.Summary.Reports));
    }

    [Fact]
    public void An_appended_log_is_read_on_from_the_same_offset_on_several_threads()
    {
        var log = CorpusLog();
        var cut = log.IndexOf('\n', log.Length / 2) + 1;
        var results = new List<(List<string>, long, long)>();
        foreach (var threads in (int[])[1, 2])
        {
            using var folder = new ScanFolder(stores.NewSqlite());
            // The first half ends inside a report, which is kept pending and read again whole after the append.
            folder.Write("web-07.log", log[..(cut + 200)]);
            var path = folder.PathOf("web-07.log");
            using var store = CrashStores.Open(folder.Db);
            var scanner = new FleetScanner(store, HostNaming.Create(null), () => null)
            {
                Parallelism = threads, SegmentedFrom = 0, SegmentSize = 2048, BufferSize = 8192,
            };
            scanner.Scan([path]);
            folder.Append("web-07.log", log[(cut + 200)..]);
            var (reports, file, _) = ScanOnce(path, scanner, store);
            results.Add((reports, file.Offset, file.Lines));
        }
        Assert.True(results[0].Item1.Count > 500, $"{results[0].Item1.Count} reports");
        Assert.Equal(results[0].Item1, results[1].Item1);
        Assert.Equal((results[0].Item2, results[0].Item3), (results[1].Item2, results[1].Item3));
    }

    [Theory]
    [InlineData(1L, 512, 100)]
    [InlineData(13L, 512, 100)]
    [InlineData(100L, 1024, 100)]
    [InlineData(100L, 1024, 1)]
    [InlineData(4096L, 4096, 100)]
    [InlineData(4096L, 4096, 2)]
    public void Each_line_holding_a_literal_is_found_once_whatever_the_segments(long segment, int chunk, int maxHits)
    {
        var text = Encoding.Latin1.GetBytes(ScanFolder.Noise(5, "a") + "BUG: unable to handle page fault\nCall Trace:\n"
            + ScanFolder.Noise(3, "b") + "Linux version 6.1 x\nkernel BUG at mm/slub.c:1\n" + new string('x', 300) + " WARNING: CPU: 0\n"
            + "no newline at the end: Kernel panic - not syncing");
        var path = Path.Combine(Path.GetTempPath(), "paniclens-segments-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, [.. "head\n"u8, .. text]);
        try
        {
            var expected = new List<long>();
            for (var at = 0; SparseLogReader.Literals.IndexOf(text, at, out _) is var hit and >= 0;)
            {
                expected.Add(hit);
                at = text.AsSpan(hit).IndexOf((byte)'\n') is var e and >= 0 ? hit + e + 1 : text.Length;
            }
            using var handle = File.OpenHandle(path);
            using var search = new SegmentedLiteralSearch(handle, 5, text.Length, new(3, segment, chunk, maxHits));
            var found = new List<long>();
            // The reader asks with buffers of 50 bytes that move forwards, as the sparse reader's does.
            for (long offset = 0, from = 0; offset < text.Length; offset += 50, from = Math.Max(0, from - 50))
            {
                var window = text.AsSpan((int)offset, (int)Math.Min(50, text.Length - offset));
                while (search.IndexOf(window, (int)from, offset) is var hit and >= 0)
                {
                    found.Add(offset + hit);
                    from = window[hit..].IndexOf((byte)'\n') is var e and >= 0 ? hit + e + 1 : window.Length;
                }
                from = window.Length;
            }
            Assert.True(expected.Count >= 5, string.Join(",", expected));
            Assert.Equal(expected, found);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
