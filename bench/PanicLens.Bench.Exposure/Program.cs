using System.Diagnostics;
using PanicLens.Bench.Exposure;
using PanicLens.Knowledge;
using PanicLens.Readiness;

// Throughput harness for `paniclens exposure`: the fleet view over 1,000 generated `check --format json`
// documents must answer in under a second. The baseline, measured in the same run on the same files, is
// reading every file's bytes: the ratio says how much the JSON reading and counting add to the I/O floor.
const int Hosts = 1000;
const int Rounds = 15;
const string Issue = "inet-diag-ipv4-synrecv-on-ipv6-listener";

var hosts = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : Hosts;
var directory = Directory.CreateTempSubdirectory("paniclens-bench-exposure-").FullName;
try
{
    var knowledge = KnowledgeLoader.Load();
    var files = FleetGenerator.Write(directory, hosts, knowledge.Issues);
    var bytes = files.Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"{files.Count} host documents, {bytes / 1024} KiB in total, {bytes / files.Count} bytes each");

    FleetExposure? fleet = null;
    // The three are measured in turns within each round, so a burst of load from other processes hits all alike.
    var times = Measure(
        () => files.Sum(f => File.ReadAllBytes(f).Length),
        () => (fleet = FleetExposureReader.Read(Issue, files)).Files,
        () => files.Sum(f => { using var s = File.OpenRead(f); return ReadinessJson.Read(s).Exposure.Count; }));
    var (baseline, exposure, sequential) = (times[0], times[1], times[2]);
    var load = Measure(() => KnowledgeLoader.Load().Issues.Count)[0];

    // Fastest and median of the rounds: on a shared machine the fastest round is the least disturbed one.
    Console.WriteLine($"baseline  read every file's bytes               fastest {baseline.Fastest.TotalMilliseconds,7:F1} ms, median {baseline.Median.TotalMilliseconds,7:F1} ms");
    Console.WriteLine($"exposure  FleetExposureReader.Read (streaming)  fastest {exposure.Fastest.TotalMilliseconds,7:F1} ms, median {exposure.Median.TotalMilliseconds,7:F1} ms  ({exposure.Fastest / baseline.Fastest:F1}x baseline)");
    Console.WriteLine($"before    whole document, one file at a time    fastest {sequential.Fastest.TotalMilliseconds,7:F1} ms, median {sequential.Median.TotalMilliseconds,7:F1} ms  ({sequential.Fastest / baseline.Fastest:F1}x baseline)");
    Console.WriteLine($"          knowledge base load                   fastest {load.Fastest.TotalMilliseconds,7:F1} ms  (`exposure` loads it only when no document names the id)");
    Console.WriteLine($"          answer: {fleet!.ExposedTotal} exposed ({fleet.ExposedNotMitigated} not mitigated, {fleet.ExposedMitigated} mitigated), {fleet.NotExposed} not exposed, {fleet.Unknown} unknown");
    var verdict = exposure.Median < TimeSpan.FromSeconds(1) ? "PASS" : "FAIL";
    Console.WriteLine($"{verdict}: exposure over {files.Count} hosts in {exposure.Median.TotalMilliseconds:F0} ms median (limit 1000 ms) on {Environment.ProcessorCount} CPUs");
    return verdict == "PASS" ? 0 : 1;
}
finally
{
    Directory.Delete(directory, recursive: true);
}

// Fastest and median wall time of each job over Rounds rounds, after one warm-up run (JIT, page cache).
static (TimeSpan Fastest, TimeSpan Median)[] Measure(params Func<int>[] jobs)
{
    var times = jobs.Select(_ => new List<TimeSpan>()).ToArray();
    foreach (var job in jobs)
        job();
    for (var round = 0; round < Rounds; round++)
    {
        for (var j = 0; j < jobs.Length; j++)
        {
            var watch = Stopwatch.StartNew();
            jobs[j]();
            times[j].Add(watch.Elapsed);
        }
    }
    return times.Select(t => { t.Sort(); return (t[0], t[t.Count / 2]); }).ToArray();
}
