using System.Text;
using PanicLens.Cli.Scanning;
using PanicLens.Storage;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>The scan's reader gives the pipeline only the lines around headers; it must find what `analyze` finds.</summary>
public sealed class SparseLogReaderTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(64 * 1024)]
    [InlineData(SparseLogReader.DefaultBufferSize)]
    public void A_long_noisy_log_gives_the_reports_of_a_full_parse(int buffer)
    {
        using var folder = new ScanFolder(stores.NewSqlite());
        var log = new StringBuilder();
        var crashes = Directory.GetFiles(RepoPaths.Corpus("syzkaller-linux")).Order(StringComparer.Ordinal).Take(12)
            .Concat([RepoPaths.Example("xen-dom0-inet-diag.log")]).ToList();
        foreach (var (crash, i) in crashes.Select((c, i) => (c, i)))
        {
            log.Append(ScanFolder.Noise(3000 + 997 * i, $"-{i}"));
            if (i % 4 == 0)
                log.Append($"2017-01-14 02:00:00\tLinux version 4.{i}.0-test (gcc version 12) #1 SMP\n");
            log.Append(File.ReadAllText(crash, Encoding.Latin1).TrimEnd('\n')).Append('\n');
        }
        log.Append(ScanFolder.Noise(50, "end"));
        folder.Write("big/console.log", log.ToString());
        var path = folder.PathOf("big/console.log");

        using var input = File.OpenRead(path);
        var expected = new ReportPipeline().Analyze(input, path).Select(r => $"{r.StartLine}-{r.EndLine} {r.Kernel} {r.Title}").ToList();
        Assert.True(expected.Count >= crashes.Count, string.Join("\n", expected));

        using var store = CrashStores.Open(folder.Db);
        var summary = new FleetScanner(store, HostNaming.Create(null), () => null) { BufferSize = buffer }.Scan([path]);
        var stored = store.Buckets(new BucketFilter()).SelectMany(b => store.BucketReports(b.Id, 10_000))
            .OrderBy(r => r.StartLine).Select(r => $"{r.StartLine}-{r.EndLine} {r.Kernel} {r.Title}").ToList();
        Assert.Equal(expected.Count, summary.Reports);
        Assert.Equal(expected, stored);
    }

    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(SparseLogReader.DefaultBufferSize)]
    public void Every_corpus_log_gives_the_reports_of_analyze_with_their_lines_titles_and_kernels(int buffer)
    {
        var corpus = Path.Combine(RepoPaths.Shared, "corpus");
        var files = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var expected = new List<string>();
        foreach (var file in files)
        {
            using var input = File.OpenRead(file);
            expected.AddRange(new ReportPipeline().Analyze(input, file).Select(r => $"{file} {r.StartLine}-{r.EndLine} {r.Kernel} {r.Title}"));
        }

        using var store = CrashStores.Open(stores.NewSqlite());
        var summary = new FleetScanner(store, HostNaming.Create(null), () => null) { BufferSize = buffer, Parallelism = 1 }.Scan([corpus]);
        var stored = store.Buckets(new BucketFilter()).SelectMany(b => store.BucketReports(b.Id, 100_000))
            .Select(r => $"{r.Path} {r.StartLine}-{r.EndLine} {r.Kernel} {r.Title}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, summary.Reports);
        Assert.Equal(expected.Order(StringComparer.Ordinal), stored);
    }

    [Fact]
    public void While_no_report_is_open_only_header_and_banner_lines_are_given_to_the_pipeline()
    {
        var crash = File.ReadAllText(RepoPaths.Example("xen-dom0-inet-diag.log"), Encoding.Latin1);
        var log = ScanFolder.Noise(20_000, "a") + "2017-01-14 00:59:00\tLinux version 2.6.32.36-xen (gcc 4.4) #1 SMP\n"
            + "2017-01-14 01:00:00\tCRON[1]: (root) CMD (grep -c 'Kernel panic' /var/log/messages)\n"
            + ScanFolder.Noise(20_000, "b") + crash + ScanFolder.Noise(20_000, "c");
        var pipeline = new ReportPipeline();
        using var reader = new SparseLogReader(new MemoryStream(Encoding.Latin1.GetBytes(log)), () => pipeline.Idle, 64 * 1024);
        var given = new List<int>();
        IEnumerable<Model.LogLine> Counted(IEnumerable<Model.LogLine> lines)
        {
            foreach (var line in lines)
            {
                given.Add(line.Number);
                yield return line;
            }
        }
        var report = Assert.Single(pipeline.Analyze(Counted(reader.Lines()), "log"));
        Assert.Equal((40_003L, "2.6.32.36-xen"), ((long)report.StartLine, report.Kernel));
        // The banner, the line before the header, the report and the lines after it until the detector closed it.
        Assert.InRange(given.Count, crash.Count(c => c == '\n'), crash.Count(c => c == '\n') + 60);
        Assert.Equal(20_001, given[0]);
        Assert.Equal(60_002 + crash.Count(c => c == '\n'), reader.Newlines);
    }
}
