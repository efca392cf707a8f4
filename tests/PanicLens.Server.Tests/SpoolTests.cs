using Microsoft.Extensions.Logging.Abstractions;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;

namespace PanicLens.Server.Tests;

/// <summary>The spool's files on their own: records read back in order, a torn tail, a checkpoint, the size bound.</summary>
public sealed class SpoolTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "paniclens-spool-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Records_come_back_in_order_with_their_event_numbers_up_to_a_torn_tail()
    {
        using (var spool = new Spool(folder, 1 << 20, new ServerMetrics(), NullLogger.Instance))
        {
            spool.Rotate(7);
            spool.Line("web-01", "syslog", "[    1.000000] first");
            spool.Mark(SpoolRecordKind.Close, "web-01", "syslog");
            spool.Stored(8);
            spool.Followed(new FollowPosition("/var/log/conserver/web-01.log", "8:1", "1234", "ab", 10, 77));
            spool.Line("wéb-02", "netconsole", "second \u00ff");
        }
        var segment = Directory.GetFiles(folder, "*.seg").Single();
        // A crash of the machine cut the last record short: its header promises more bytes than follow.
        using (var torn = new FileStream(segment, FileMode.Append))
            torn.Write([1, 6, 0, 6, 0, 100, 0, 0, 0, (byte)'w', (byte)'e']);

        using var again = new Spool(folder, 1 << 20, new ServerMetrics(), NullLogger.Instance);
        var (checkpoint, tail) = again.Load();
        Assert.Null(checkpoint);
        Assert.Equal(
            [(SpoolRecordKind.Line, "web-01", "[    1.000000] first", 7L), (SpoolRecordKind.Close, "web-01", "", 8L),
             (SpoolRecordKind.Stored, "", null, 8L), (SpoolRecordKind.Offset, "/var/log/conserver/web-01.log", "8:1\t1234\tab\t10\t77", 9L),
             (SpoolRecordKind.Line, "wéb-02", "second \u00ff", 9L)],
            tail.Select(r => (r.Kind, r.Host, r.Line, r.Event)));
    }

    [Fact]
    public void A_checkpoint_replaces_the_segments_before_it_and_reads_back_whole()
    {
        var state = new LiveStreamState("web-01", "syslog", ["ctx 1", "ctx 2"], ["BUG: x", "Call Trace:"], true, false, 3, true, true, "6.1.0");
        var chunk = new CompletedChunk("web-02", "console", ["Oops"], false, null) { CompletedAt = 41 };
        var boot = new CompletedChunk("web-03", "console", [], false, "6.1.0-13") { CompletedAt = 40, Boot = new("web-03", "2026-12-03T10:00:00", "6.1.0-13") };
        var follow = new FollowPosition("/var/log/conserver/web-02.log", "8:1", "1234", "ab", 10, 77);
        using (var spool = new Spool(folder, 1 << 20, new ServerMetrics(), NullLogger.Instance))
        {
            spool.Rotate(0);
            spool.Line("web-01", "syslog", "before");
            spool.Rotate(42);
            spool.Line("web-01", "syslog", "after");
            spool.WriteCheckpoint(new SpoolCheckpoint(42, [state], [boot, chunk], [follow]), durable: true);
        }
        Assert.Single(Directory.GetFiles(folder, "*.seg"));
        using var again = new Spool(folder, 1 << 20, new ServerMetrics(), NullLogger.Instance);
        var (checkpoint, tail) = again.Load();
        Assert.NotNull(checkpoint);
        Assert.Equal(42, checkpoint.Start);
        var read = Assert.Single(checkpoint.Streams);
        Assert.Equal((state.Host, state.Trailing, state.Panicked, state.Kernel), (read.Host, read.Trailing, read.Panicked, read.Kernel));
        Assert.Equal(state.Context, read.Context);
        Assert.Equal(state.Report, read.Report);
        Assert.Equal((41L, "web-02", "Oops"), (checkpoint.Pending[1].CompletedAt, checkpoint.Pending[1].Host, checkpoint.Pending[1].Lines[0]));
        Assert.Null(checkpoint.Pending[1].Boot);
        Assert.Equal(boot.Boot, checkpoint.Pending[0].Boot);
        Assert.Equal([follow], checkpoint.Follows);
        Assert.Equal(["after"], tail.Select(r => r.Line));
    }

    [Fact]
    public void Past_its_bound_the_spool_counts_what_it_did_not_keep()
    {
        var metrics = new ServerMetrics();
        using (var spool = new Spool(folder, 4096, metrics, NullLogger.Instance))
        {
            spool.Rotate(0);
            for (var i = 0; i < 1000; i++)
            {
                spool.Line("web-01", "syslog", $"line {i} of a flood that is longer than the spool may hold");
                spool.Commit();
            }
        }
        var dropped = metrics.Get("paniclens_drops_total", "spool");
        Assert.InRange(dropped, 900, 999);
        Assert.True(new FileInfo(Directory.GetFiles(folder, "*.seg").Single()).Length <= 4096 + 200);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
