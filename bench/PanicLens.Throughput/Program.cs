using System.Diagnostics;
using System.Text;
using PanicLens;
using PanicLens.Ingest;

// Throughput harness: how fast the pipeline reads a large console log, as a ratio against the cheapest possible
// pass over the same bytes (read and count newlines) measured in the same run, so machine noise cancels out.
// Usage: dotnet run -c Release --project bench/PanicLens.Throughput [-- MEGABYTES [CRASH_EVERY_N_LINES]]
var megabytes = args.Length > 0 ? int.Parse(args[0]) : 256;
var crashEvery = args.Length > 1 ? int.Parse(args[1]) : 20000;
var path = Path.Combine(Path.GetTempPath(), $"paniclens-throughput-{megabytes}.log");
var reports = LogSynthesizer.Write(path, megabytes * 1024L * 1024, crashEvery);
var bytes = new FileInfo(path).Length;
Console.WriteLine($"input: {bytes / (1024 * 1024)} MiB, {reports} crash reports planted (one per ~{crashEvery} lines)");

var baseline = Measure("baseline: read + count LF", () => CountNewlines(path));
var reader = Measure("LineReader (prefix stripping)", () => LineReader.Read(File.OpenRead(path)).LongCount());
var pipeline = Measure("full pipeline (detect, parse, title, diagnose)", () =>
{
    using var stream = File.OpenRead(path);
    return new ReportPipeline().Analyze(stream, path).LongCount();
});

Console.WriteLine();
Console.WriteLine($"{"stage",-48} {"MiB/s",8} {"× baseline time",16} {"peak MiB",9}");
foreach (var (name, seconds, result, peak) in new[] { baseline, reader, pipeline })
    Console.WriteLine($"{name,-48} {bytes / seconds / (1024 * 1024),8:F0} {seconds / baseline.Seconds,16:F1} {peak / (1024 * 1024),9}   ({result})");
File.Delete(path);

static (string Name, double Seconds, long Result, long PeakBytes) Measure(string name, Func<long> work)
{
    work(); // warm-up: JIT and page cache
    var best = double.MaxValue;
    long result = 0;
    for (var i = 0; i < 3; i++)
    {
        var clock = Stopwatch.StartNew();
        result = work();
        best = Math.Min(best, clock.Elapsed.TotalSeconds);
    }
    return (name, best, result, Process.GetCurrentProcess().PeakWorkingSet64);
}

static long CountNewlines(string path)
{
    using var stream = File.OpenRead(path);
    var buffer = new byte[1 << 16];
    long count = 0;
    int read;
    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        count += buffer.AsSpan(0, read).Count((byte)'\n');
    return count;
}

/// <summary>Writes a syslog-prefixed boot/runtime log with the seed's crash planted at regular intervals.</summary>
internal static class LogSynthesizer
{
    private static readonly string[] Noise =
    [
        "kernel: [ {0}] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
        "kernel: [ {0}] EXT4-fs (dm-0): mounted filesystem with ordered data mode. Opts: (null)",
        "systemd[1]: Started Session 4242 of user root.",
        "kernel: [ {0}] audit: type=1400 audit(1484355866.123:42): apparmor=\"STATUS\" operation=\"profile_load\"",
        "CRON[12345]: (root) CMD (/usr/lib/sa/sa1 1 1)",
        "kernel: [ {0}] device vif3.0 entered promiscuous mode",
    ];

    public static int Write(string path, long size, int crashEvery)
    {
        var seed = File.ReadAllLines(FindSeed());
        using var output = new StreamWriter(path, false, Encoding.Latin1, 1 << 20);
        long lines = 0;
        var reports = 0;
        while (output.BaseStream.Position < size)
        {
            lines++;
            var uptime = $"{lines / 100}.{lines % 100:D6}";
            if (lines % crashEvery == 0)
            {
                reports++;
                foreach (var line in seed)
                    output.WriteLine(line);
                continue;
            }
            output.Write("Jan 14 01:04:26 dom0-17 ");
            output.WriteLine(string.Format(Noise[lines % Noise.Length], uptime));
        }
        return reports;
    }

    private static string FindSeed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "examples", "xen-dom0-inet-diag.log");
    }
}
