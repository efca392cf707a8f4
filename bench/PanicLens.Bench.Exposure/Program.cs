using System.Diagnostics;
using PanicLens.Bench.Exposure;
using PanicLens.Knowledge;
using PanicLens.Readiness;

// Throughput harness for `paniclens exposure`: the fleet view over 1,000 generated `check --format json`
// documents must answer in under a second. The baseline, measured in the same run on the same files, is
// reading every file's bytes: the ratio says how much the JSON reading and counting add to the I/O floor.
const int Hosts = 1000;
const int Rounds = 7;
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
    var baseline = Measure(() => files.Sum(f => File.ReadAllBytes(f).Length));
    var exposure = Measure(() => (fleet = FleetExposureReader.Read(Issue, files)).Files);
    var load = Measure(() => KnowledgeLoader.Load().Issues.Count);
    var sequential = Measure(() => files.Sum(f => { using var s = File.OpenRead(f); return ReadinessJson.Read(s).Exposure.Count; }));

    Console.WriteLine($"baseline  read every file's bytes       median {baseline.TotalMilliseconds,8:F1} ms");
    Console.WriteLine($"exposure  FleetExposureReader.Read      median {exposure.TotalMilliseconds,8:F1} ms  ({exposure / baseline:F1}x baseline)");
    Console.WriteLine($"before    full document, one file at a time median {sequential.TotalMilliseconds,6:F1} ms  ({sequential / baseline:F1}x baseline)");
    Console.WriteLine($"          knowledge base load           median {load.TotalMilliseconds,8:F1} ms  (`exposure` loads it only when no document names the id)");
    Console.WriteLine($"          answer: {fleet!.ExposedTotal} exposed ({fleet.ExposedNotMitigated} not mitigated, {fleet.ExposedMitigated} mitigated), {fleet.NotExposed} not exposed, {fleet.Unknown} unknown");
    var verdict = exposure < TimeSpan.FromSeconds(1) ? "PASS" : "FAIL";
    Console.WriteLine($"{verdict}: exposure over {files.Count} hosts in {exposure.TotalMilliseconds:F0} ms (limit 1000 ms) on {Environment.ProcessorCount} CPUs");
    return verdict == "PASS" ? 0 : 1;
}
finally
{
    Directory.Delete(directory, recursive: true);
}

// Median wall time of Rounds runs after one warm-up run (JIT, page cache).
static TimeSpan Measure(Func<int> work)
{
    work();
    var times = new List<TimeSpan>();
    for (var i = 0; i < Rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed);
    }
    times.Sort();
    return times[times.Count / 2];
}
