using System.Diagnostics;
using System.Globalization;
using System.Text;
using PanicLens.Detection;
using PanicLens.ScanBench;

// Fleet scan throughput: generates a realistic console log (default 1 GiB) and measures, in one run on the same file,
// `paniclens scan`, `rg -c -F -f markers.txt`, `grep -c -F -f markers.txt` and `wc -l`, where markers.txt holds the
// detector's header literals. Speeds are medians of RUNS runs (page cache warm), reported as ratios to ripgrep's time
// so that machine noise cancels out; CPU seconds (user + system) are given too, which a loaded machine disturbs less;
// peak memory is GNU time's maximum resident set. Then, on a log of the same kind without crashes, scan against rg
// again: the cost of the search alone, without the reports' parse. Last, a storm (2000 crashes in a quarter of the size).
// A row on one thread (DOTNET_PROCESSOR_COUNT=1) shows what searching one large file on all cores gains.
// Usage: dotnet run -c Release --project bench/PanicLens.ScanBench [-- MEGABYTES [RUNS]]  (SCANBENCH_KEEP=1 keeps the files)
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var work = Directory.CreateTempSubdirectory("paniclens-scanbench-").FullName;
try
{
    var shared = FindShared();
    var crashes = Directory.GetFiles(Path.Combine(shared, "corpus", "syzkaller-linux")).Order(StringComparer.Ordinal).Take(36)
        .Concat(Directory.GetFiles(Path.Combine(shared, "corpus", "production"), "*.log").Order(StringComparer.Ordinal).Take(12))
        .Select(f => File.ReadAllText(f, Encoding.Latin1)).ToList();
    var log = Path.Combine(work, "console.log");
    var planted = FleetLogWriter.Write(log, megabytes * 1024L * 1024, crashes);
    var markers = Path.Combine(work, "markers.txt");
    File.WriteAllLines(markers, CrashHeaders.All.Select(h => h.Literal).Distinct());
    var size = new FileInfo(log).Length;
    Console.WriteLine($"input: {size / 1048576} MiB, {planted} corpus crash logs spliced in, {CrashHeaders.All.Length} header literals in markers.txt");

    var paniclens = Path.Combine(AppContext.BaseDirectory, "paniclens.dll");
    var db = 0;
    var rows = new List<(string Name, Measurement M)>
    {
        ("wc -l", Measure(runs, () => ("wc", ["-l", log]))),
        ("grep -c -F -f markers.txt", Measure(runs, () => ("grep", ["-c", "-F", "-f", markers, log]))),
        ("rg -c -F -f markers.txt", Measure(runs, () => ("rg", ["-c", "-F", "-f", markers, log]))),
        ("paniclens scan (fresh SQLite store)", Measure(runs, () => ("dotnet", [paniclens, "scan", log, "--db", Path.Combine(work, $"s{db++}.db"), "--format", "json"]))),
        // The same scan on one thread: what searching one large file on all cores gains (Environment.ProcessorCount = 1).
        ("paniclens scan, 1 thread", Measure(runs, () => ("dotnet", [paniclens, "scan", log, "--db", Path.Combine(work, $"s{db++}.db"), "--format", "json"]),
            ("DOTNET_PROCESSOR_COUNT", "1"))),
    };
    // The same kind of log without crashes: what the search costs alone, against ripgrep on that file.
    var quiet = Path.Combine(work, "quiet.log");
    FleetLogWriter.Write(quiet, megabytes * 1024L * 1024, []);
    var quietRows = new List<(string Name, Measurement M)>
    {
        ("rg, log without crashes", Measure(runs, () => ("rg", ["-c", "-F", "-f", markers, quiet]))),
        ("paniclens scan, log without crashes", Measure(runs, () => ("dotnet", [paniclens, "scan", quiet, "--db", Path.Combine(work, $"s{db++}.db"), "--format", "json"]))),
        ("paniclens scan, no crashes, 1 thread", Measure(runs, () => ("dotnet", [paniclens, "scan", quiet, "--db", Path.Combine(work, $"s{db++}.db"), "--format", "json"]),
            ("DOTNET_PROCESSOR_COUNT", "1"))),
    };
    // A storm: the same crashes again and again (2000 of them in a quarter of the size), each report stored: what the
    // per-report work and the store cost, and whether memory stays bounded, against rg on that file.
    var storm = Path.Combine(work, "storm.log");
    var stormPlanted = FleetLogWriter.Write(storm, megabytes * 1024L * 1024 / 4, [.. Enumerable.Range(0, 2000).Select(i => crashes[i % crashes.Count])]);
    var stormRows = new List<(string Name, Measurement M)>
    {
        ($"rg, storm log ({stormPlanted} crashes)", Measure(runs, () => ("rg", ["-c", "-F", "-f", markers, storm]))),
        ("paniclens scan, storm log", Measure(runs, () => ("dotnet", [paniclens, "scan", storm, "--db", Path.Combine(work, $"s{db++}.db"), "--format", "json"]))),
    };
    var rg = rows.Single(r => r.Name.StartsWith("rg", StringComparison.Ordinal)).M.Seconds;
    Console.WriteLine();
    var rgCpu = rows.Single(r => r.Name.StartsWith("rg", StringComparison.Ordinal)).M.Cpu;
    Console.WriteLine($"{"command",-38} {"median s",9} {"MiB/s",8} {"× rg time",10} {"cpu s",7} {"× rg cpu",9} {"peak MiB",9}  output");
    var threads = rows.Single(r => r.Name.EndsWith("1 thread", StringComparison.Ordinal)).M.Seconds;
    Console.WriteLine($"one file on all {Environment.ProcessorCount} cores: {rows.Single(r => r.Name.StartsWith("paniclens scan (", StringComparison.Ordinal)).M.Seconds / threads:F2}× the wall time of 1 thread");
    foreach (var (name, m) in rows)
        Console.WriteLine($"{name,-38} {m.Seconds,9:F2} {size / m.Seconds / 1048576,8:F0} {m.Seconds / rg,10:F2} {m.Cpu,7:F2} {m.Cpu / rgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    var (quietRg, quietRgCpu) = (quietRows[0].M.Seconds, quietRows[0].M.Cpu);
    foreach (var (name, m) in quietRows)
        Console.WriteLine($"{name,-38} {m.Seconds,9:F2} {size / m.Seconds / 1048576,8:F0} {m.Seconds / quietRg,10:F2} {m.Cpu,7:F2} {m.Cpu / quietRgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    var (stormRg, stormRgCpu, stormSize) = (stormRows[0].M.Seconds, stormRows[0].M.Cpu, new FileInfo(storm).Length);
    foreach (var (name, m) in stormRows)
        Console.WriteLine($"{name,-38} {m.Seconds,9:F2} {stormSize / m.Seconds / 1048576,8:F0} {m.Seconds / stormRg,10:F2} {m.Cpu,7:F2} {m.Cpu / stormRgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
}
finally
{
    if (Environment.GetEnvironmentVariable("SCANBENCH_KEEP") is null)
        Directory.Delete(work, recursive: true);
    else
        Console.WriteLine($"kept {work}");
}

static Measurement Measure(int runs, Func<(string File, string[] Args)> command, (string Name, string Value)? environment = null)
{
    var times = new List<double>();
    var cpus = new List<double>();
    long peak = 0;
    var output = "";
    for (var i = 0; i < runs; i++)
    {
        var (file, arguments) = command();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (environment is var (name, value))
            start.Environment[name] = value;
        foreach (var a in (string[])["-f", "%e %M %U %S", file, .. arguments])
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var last = stderr.TrimEnd().Split('\n')[^1].Split(' ');
        times.Add(double.Parse(last[0], CultureInfo.InvariantCulture));
        peak = Math.Max(peak, long.Parse(last[1], CultureInfo.InvariantCulture));
        cpus.Add(double.Parse(last[2], CultureInfo.InvariantCulture) + double.Parse(last[3], CultureInfo.InvariantCulture));
        output = Summary(stdout.Result);
    }
    times.Sort();
    cpus.Sort();
    return new Measurement(times[times.Count / 2], peak, output, cpus[cpus.Count / 2]);
}

static string Summary(string stdout)
{
    var text = stdout.Trim();
    if (text.StartsWith('{'))
    {
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return $"{json.RootElement.GetProperty("reports").GetInt64()} reports";
    }
    return text.Split(' ')[0];
}

static string FindShared()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
            return Path.Combine(dir.FullName, "..", "shared");
    throw new InvalidOperationException("PanicLens.slnx not found above " + AppContext.BaseDirectory);
}

internal sealed record Measurement(double Seconds, long PeakKiB, string Output, double Cpu);
