using System.Text;
using PanicLens.Cli.Scanning;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// In interleaved multi-host syslog the scan's reader gives other hosts' lines from their raw bytes while one host's reports are
/// open (<see cref="SparseLogReader.SoleHost"/>). The reports must be those of a full read, line for line.
/// </summary>
public sealed class ForeignLineSkipTests
{
    private static string Syslog(string host, string text) => $"Dec  4 10:00:00 {host} kernel: {text}\n";

    private static string Noise(int n, int seed)
    {
        var log = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            var host = $"node{2 + (seed + i) % 11}";
            log.Append(i % 3 == 0 ? $"Dec  4 10:00:00 {host} CRON[{i}]: (root) CMD (run-parts /etc/cron.hourly)\n"
                : Syslog(host, $"[ {i}.000000] e1000e 0000:00:19.0 eth0: NIC Link is Up {seed}"));
        }
        return log.ToString();
    }

    /// <summary>
    /// node1 crashes; its report stays open while 1000 other hosts' lines pass. In that stretch: node1 prints a late report
    /// line (a skip that took it for another host's would end the report early), node10's and a relay's lines (whose names
    /// or inner prefixes hold node1's), another host's task listing, a replay marker, and node7 crashes (a skip that took
    /// its header for noise would lose the report).
    /// </summary>
    private static string Log(string[] first, string[] second)
    {
        var log = new StringBuilder(Noise(3000, 0));
        var noise = Noise(first.Length * 3, 1).Split('\n');
        for (var i = 0; i < first.Length; i++)
            log.Append(Syslog("node1", first[i])).Append(noise[3 * i]).Append('\n').Append(noise[3 * i + 1]).Append('\n');
        log.Append(Noise(600, 2));
        log.Append(Syslog("node1", "[  800.000000] RIP: 0033:0x4a3c1b"));
        log.Append(Noise(300, 3));
        log.Append(Syslog("node10", "[  801.000000] e1000e: node1 eth0 link down"));
        log.Append(Syslog("relay", "[  802.000000] node1 kernel: Code: 0f 0b 48 89 df e8 00 00"));
        log.Append(Syslog("node4", "[  803.000000] task:kworker/0:1     state:S stack:0     pid:    9 ppid:     2 flags:0x00004000"));
        log.Append(Syslog("node5", "[  804.000000] ** replaying previous printk message **"));
        log.Append(Noise(200, 4));
        foreach (var line in second)
            log.Append(Syslog("node7", line)).Append(Noise(2, 5));
        log.Append(Noise(2500, 6));
        return log.ToString();
    }

    private static string[] CorpusLog(int index) =>
        File.ReadAllLines(Directory.GetFiles(RepoPaths.Corpus("syzkaller-linux")).Order(StringComparer.Ordinal).ElementAt(index), Encoding.Latin1)
            .SkipWhile(l => !l.StartsWith('[')).ToArray();

    private static List<string> Described(IEnumerable<CrashReport> reports) =>
        [.. reports.Select(r => $"{r.StartLine}-{r.EndLine} {r.Title} | {string.Join(" / ", r.Lines.Select(l => $"{l.Number}:{l.Text}"))}")];

    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(SparseLogReader.DefaultBufferSize)]
    public void Other_hosts_lines_read_from_their_bytes_give_the_reports_of_a_full_read(int buffer)
    {
        var log = Log(CorpusLog(0), CorpusLog(1));
        var expected = Described(new ReportPipeline().Analyze(LineReader.Read(log), "log"));
        Assert.Equal(2, expected.Count);
        Assert.Contains(":RIP: 0033:0x4a3c1b", expected[0]);
        Assert.Contains(":Code: 0f 0b 48 89 df e8 00 00", expected[0]);

        var pipeline = new ReportPipeline();
        using var reader = new SparseLogReader(new MemoryStream(Encoding.Latin1.GetBytes(log)), () => pipeline.Idle, buffer)
        {
            SoleHost = () => pipeline.SoleHost,
        };
        var passed = 0;
        IEnumerable<LogLine> Counted(IEnumerable<LogLine> lines)
        {
            foreach (var line in lines)
            {
                passed += line.Text.Length == 0 ? 1 : 0;
                yield return line;
            }
        }
        Assert.Equal(expected, Described(pipeline.Analyze(Counted(reader.Lines()), "log")));
        // Most lines of the stretch after node1's and node7's reports were given without decoding.
        Assert.True(passed > 1000, $"{passed} lines passed as other hosts' lines");
    }
}
