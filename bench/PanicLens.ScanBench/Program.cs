using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PanicLens.Detection;
using PanicLens.ScanBench;

// Fleet scan throughput: generates a realistic console log (default 1 GiB) and measures, in one run on the same file,
// `paniclens scan`, `rg -c -F -f markers.txt`, `grep -c -F -f markers.txt` and `wc -l`, where markers.txt holds the
// detector's header literals. Speeds are medians of RUNS runs (page cache warm), reported as ratios to ripgrep's time
// so that machine noise cancels out; CPU seconds (user + system) are given too, which a loaded machine disturbs less;
// peak memory is GNU time's maximum resident set. Then, on a log of the same kind without crashes, scan against rg
// again: the cost of the search alone, without the reports' parse. Then a storm (2000 crashes in a quarter of the size).
// Last, an archive: the log cut into 64 files, scanned on all cores against rg on the folder and cat (the read floor), and
// the same archive gzipped, as rotated logs lie on a console server, against zcat (its read floor) and rg -z.
// A scan of one crash log gives what every scan pays (start, knowledge base, store, first report); the archive less it is
// the rate at which more bytes are read.
// A row on one thread (DOTNET_PROCESSOR_COUNT=1) shows what searching one large file on all cores gains.
// Each scan runs as two builds, taking turns run by run: the plain build beside this bench (`dotnet paniclens.dll`, JIT)
// and the ReadyToRun build users install (the tool package and the single file are precompiled): a framework-dependent
// `dotnet publish -r RID -p:PublishReadyToRun=true` of src/PanicLens.Cli, made here first (a minute or two), or the one
// SCANBENCH_R2R=DIR names. SCANBENCH_BASELINE="[NAME=]DIR;..." adds builds (e.g. an earlier commit's build and publish) to the turns.
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

    var builds = new List<(string Name, string Dll)> { ("", Path.Combine(AppContext.BaseDirectory, "paniclens.dll")) };
    builds.Add((", ReadyToRun", Path.Combine(Environment.GetEnvironmentVariable("SCANBENCH_R2R") ?? PublishReadyToRun(work), "paniclens.dll")));
    foreach (var baseline in (Environment.GetEnvironmentVariable("SCANBENCH_BASELINE") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        builds.Add(baseline.Split('=', 2) is [var name, var dir] ? ($", {name}", Path.Combine(dir, "paniclens.dll")) : (", baseline", Path.Combine(baseline, "paniclens.dll")));
    var db = 0;
    // One scan of LOG by every build, taking turns run by run (name suffixes as in `builds`).
    List<(string Name, Measurement M)> Scans(string name, string file, (string Name, string Value)? environment = null) =>
        [.. MeasureInTurns(runs, builds.Select(b => (name + b.Name,
            (Func<(string, string[])>)(() => ("dotnet", [b.Dll, "scan", file, "--db", Path.Combine(work, $"s{db++}.db"), "--format", "json"])),
            environment)).ToList())];
    var rows = new List<(string Name, Measurement M)>
    {
        ("wc -l", Measure(runs, () => ("wc", ["-l", log]))),
        ("grep -c -F -f markers.txt", Measure(runs, () => ("grep", ["-c", "-F", "-f", markers, log]))),
        ("rg -c -F -f markers.txt", Measure(runs, () => ("rg", ["-c", "-F", "-f", markers, log]))),
    };
    rows.AddRange(Scans("paniclens scan (fresh SQLite store)", log));
    // The same scan on one thread: what searching one large file on all cores gains (Environment.ProcessorCount = 1).
    rows.AddRange(Scans("paniclens scan, 1 thread", log, ("DOTNET_PROCESSOR_COUNT", "1")));
    // The same kind of log without crashes: what the search costs alone, against ripgrep on that file.
    var quiet = Path.Combine(work, "quiet.log");
    FleetLogWriter.Write(quiet, megabytes * 1024L * 1024, []);
    var quietRows = new List<(string Name, Measurement M)> { ("rg, log without crashes", Measure(runs, () => ("rg", ["-c", "-F", "-f", markers, quiet]))) };
    quietRows.AddRange(Scans("paniclens scan, log without crashes", quiet));
    quietRows.AddRange(Scans("paniclens scan, no crashes, 1 thread", quiet, ("DOTNET_PROCESSOR_COUNT", "1")));
    // A storm: the same crashes again and again (2000 of them in a quarter of the size), each report stored: what the
    // per-report work and the store cost, and whether memory stays bounded, against rg on that file.
    var storm = Path.Combine(work, "storm.log");
    var stormPlanted = FleetLogWriter.Write(storm, megabytes * 1024L * 1024 / 4, [.. Enumerable.Range(0, 2000).Select(i => crashes[i % crashes.Count])]);
    var stormRows = new List<(string Name, Measurement M)> { ($"rg, storm log ({stormPlanted} crashes)", Measure(runs, () => ("rg", ["-c", "-F", "-f", markers, storm]))) };
    stormRows.AddRange(Scans("paniclens scan, storm log", storm));
    // An archive: the same log cut into 64 files of whole lines (one per console server port), scanned on all cores,
    // against rg on the folder (all cores too) and cat, which only reads the bytes: with a warm page cache, the
    // memory-bandwidth floor a scan of many files can approach.
    var archive = Path.Combine(work, "archive");
    SplitLines(log, archive, 64);
    var archiveRows = new List<(string Name, Measurement M)>
    {
        ("cat archive/* > /dev/null", Measure(runs, () => ("sh", ["-c", $"cat {archive}/* > /dev/null"]))),
        ("rg -c -F -f markers.txt archive/ | wc -l", Measure(runs, () => ("sh", ["-c", $"rg -c -F -f {markers} {archive} | wc -l"]))),
    };
    archiveRows.AddRange(Scans("paniclens scan archive/ (64 files)", archive));
    archiveRows.AddRange(Scans("paniclens scan archive/, 1 thread", archive, ("DOTNET_PROCESSOR_COUNT", "1")));
    // What every scan pays whatever its size: start, knowledge base, store, the first report's diagnosis. A folder
    // holding one corpus crash; the archive's rows less this row say how fast more bytes are read.
    const string FixedCost = "paniclens scan, fixed cost (1 crash)";
    var small = Path.Combine(work, "one-crash");
    Directory.CreateDirectory(small);
    File.WriteAllText(Path.Combine(small, "host.log"), crashes[0], Encoding.Latin1);
    var fixedRows = Scans(FixedCost, small);
    // The same archive as logrotate leaves it, every file gzipped (its default level, 6): the read floor is then
    // decompression, `zcat` on one core and one zcat per core (`xargs -P`), and rg searches it with `-z`.
    var gzipped = Path.Combine(work, "archive-gz");
    Gzip(archive, gzipped);
    var cores = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
    var gzipRows = new List<(string Name, Measurement M)>
    {
        ("zcat archive-gz/* > /dev/null", Measure(runs, () => ("sh", ["-c", $"zcat {gzipped}/* > /dev/null"]))),
        ($"ls archive-gz/* | xargs -P {cores} -n 8 zcat", Measure(runs, () => ("sh", ["-c", $"ls {gzipped}/* | xargs -P {cores} -n 8 zcat > /dev/null"]))),
        ("rg -z -c -F -f markers.txt archive-gz/ | wc -l", Measure(runs, () => ("sh", ["-c", $"rg -z -c -F -f {markers} {gzipped} | wc -l"]))),
        ("GZipStream to Stream.Null, all cores (in process)", Gunzip(runs, gzipped)),
    };
    gzipRows.AddRange(Scans("paniclens scan archive-gz/ (64 .gz)", gzipped));
    gzipRows.AddRange(Scans("paniclens scan archive-gz/, 1 thread", gzipped, ("DOTNET_PROCESSOR_COUNT", "1")));
    var rg = rows.Single(r => r.Name.StartsWith("rg", StringComparison.Ordinal)).M.Seconds;
    Console.WriteLine();
    var rgCpu = rows.Single(r => r.Name.StartsWith("rg", StringComparison.Ordinal)).M.Cpu;
    Console.WriteLine($"{"command",-50} {"median s",9} {"MiB/s",8} {"× rg time",10} {"cpu s",7} {"× rg cpu",9} {"peak MiB",9}  output");
    var threads = rows.Single(r => r.Name == "paniclens scan, 1 thread").M.Seconds;
    Console.WriteLine($"one file on all {Environment.ProcessorCount} cores: {rows.Single(r => r.Name == "paniclens scan (fresh SQLite store)").M.Seconds / threads:F2}× the wall time of 1 thread");
    foreach (var (name, m) in rows)
        Console.WriteLine($"{name,-50} {m.Seconds,9:F2} {size / m.Seconds / 1048576,8:F0} {m.Seconds / rg,10:F2} {m.Cpu,7:F2} {m.Cpu / rgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    var (quietRg, quietRgCpu) = (quietRows[0].M.Seconds, quietRows[0].M.Cpu);
    foreach (var (name, m) in quietRows)
        Console.WriteLine($"{name,-50} {m.Seconds,9:F2} {size / m.Seconds / 1048576,8:F0} {m.Seconds / quietRg,10:F2} {m.Cpu,7:F2} {m.Cpu / quietRgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    var (stormRg, stormRgCpu, stormSize) = (stormRows[0].M.Seconds, stormRows[0].M.Cpu, new FileInfo(storm).Length);
    foreach (var (name, m) in stormRows)
        Console.WriteLine($"{name,-50} {m.Seconds,9:F2} {stormSize / m.Seconds / 1048576,8:F0} {m.Seconds / stormRg,10:F2} {m.Cpu,7:F2} {m.Cpu / stormRgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    var (archiveRg, archiveRgCpu) = (archiveRows[1].M.Seconds, archiveRows[1].M.Cpu);
    Console.WriteLine($"archive of 64 files, ratios to rg on the folder; cat (the read floor) takes {archiveRows[0].M.Seconds:F2} s");
    foreach (var (name, m) in archiveRows)
        Console.WriteLine($"{name,-50} {m.Seconds,9:F2} {size / m.Seconds / 1048576,8:F0} {m.Seconds / archiveRg,10:F2} {m.Cpu,7:F2} {m.Cpu / archiveRgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    foreach (var (name, m) in fixedRows)
        Console.WriteLine($"{name,-50} {m.Seconds,9:F2} {"",8} {m.Seconds / archiveRg,10:F2} {m.Cpu,7:F2} {m.Cpu / archiveRgCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
    // The archive's scans less the fixed cost of their build (rg starts in a few milliseconds: its rows stay whole).
    foreach (var (name, m) in archiveRows.Where(r => r.Name.StartsWith("paniclens", StringComparison.Ordinal)))
    {
        var suffix = builds.Select(b => b.Name).Where(n => name.EndsWith(n, StringComparison.Ordinal)).MaxBy(n => n.Length)!;
        var build = fixedRows.Single(f => f.Name == FixedCost + suffix).M;
        var (seconds, cpu) = (m.Seconds - build.Seconds, m.Cpu - build.Cpu);
        Console.WriteLine($"{"archive/" + name["paniclens scan archive/".Length..] + " - fixed",-50} {seconds,9:F2} {size / seconds / 1048576,8:F0} {seconds / archiveRg,10:F2} {cpu,7:F2} {cpu / archiveRgCpu,9:F2}");
    }
    // MiB/s of the text the archive holds; ratios to the zcat per core, the floor of a compressed archive.
    var (floor, floorCpu) = (gzipRows[1].M.Seconds, gzipRows[1].M.Cpu);
    Console.WriteLine($"gzipped archive ({Directory.GetFiles(gzipped).Sum(f => new FileInfo(f).Length) / 1048576} MiB of .gz), ratios to {gzipRows[1].Name} (the read floor)");
    foreach (var (name, m) in gzipRows)
        Console.WriteLine($"{name,-50} {m.Seconds,9:F2} {size / m.Seconds / 1048576,8:F0} {m.Seconds / floor,10:F2} {m.Cpu,7:F2} {m.Cpu / floorCpu,9:F2} {m.PeakKiB / 1024,9}  {m.Output}");
}
finally
{
    if (Environment.GetEnvironmentVariable("SCANBENCH_KEEP") is null)
        Directory.Delete(work, recursive: true);
    else
        Console.WriteLine($"kept {work}");
}

static Measurement Measure(int runs, Func<(string File, string[] Args)> command, (string Name, string Value)? environment = null) =>
    MeasureInTurns(runs, [("", command, environment)])[0].M;

// Every command once per round, RUNS rounds: builds compared this way meet the same load on a shared machine.
static List<(string Name, Measurement M)> MeasureInTurns(int runs,
    List<(string Name, Func<(string File, string[] Args)> Command, (string Name, string Value)? Environment)> commands)
{
    var samples = commands.Select(_ => new List<(double Seconds, long PeakKiB, double Cpu, string Output)>()).ToList();
    for (var i = 0; i < runs; i++)
        for (var c = 0; c < commands.Count; c++)
            samples[c].Add(RunOnce(commands[c].Command, commands[c].Environment));
    return [.. commands.Select((c, n) => (c.Name, Median(samples[n])))];
}

static Measurement Median(List<(double Seconds, long PeakKiB, double Cpu, string Output)> samples)
{
    var times = samples.Select(s => s.Seconds).Order().ToList();
    var cpus = samples.Select(s => s.Cpu).Order().ToList();
    return new Measurement(times[times.Count / 2], samples.Max(s => s.PeakKiB), samples[^1].Output, cpus[cpus.Count / 2]);
}

// A framework-dependent ReadyToRun publish of the CLI, as the tool package holds it, into WORK/r2r.
static string PublishReadyToRun(string work)
{
    var output = Path.Combine(work, "r2r");
    var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
    var project = Path.Combine(RepoRoot(), "src", "PanicLens.Cli");
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in (string[])["publish", project, "-c", "Release", "-r", rid, "-p:SelfContained=false", "-p:PublishSingleFile=false",
        "-p:PublishReadyToRun=true", "-nologo", "-v:q", "-o", output])
        start.ArgumentList.Add(a);
    Console.WriteLine($"publishing the ReadyToRun build ({rid}) to {output} ...");
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {stdout.Result}{stderr}");
    return output;
}

static (double Seconds, long PeakKiB, double Cpu, string Output) RunOnce(Func<(string File, string[] Args)> command,
    (string Name, string Value)? environment)
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
    return (double.Parse(last[0], CultureInfo.InvariantCulture), long.Parse(last[1], CultureInfo.InvariantCulture),
        double.Parse(last[2], CultureInfo.InvariantCulture) + double.Parse(last[3], CultureInfo.InvariantCulture), Summary(stdout.Result));
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

// LOG cut into COUNT files of whole lines, about the same size each, in FOLDER.
static void SplitLines(string log, string folder, int count)
{
    Directory.CreateDirectory(folder);
    var share = new FileInfo(log).Length / count + 1;
    using var input = new StreamReader(log, Encoding.Latin1);
    for (var n = 0; n < count && !input.EndOfStream; n++)
    {
        using var output = new StreamWriter(Path.Combine(folder, $"host{n:D2}.log"), false, Encoding.Latin1);
        long written = 0;
        while (written < share && input.ReadLine() is { } line)
        {
            output.Write(line);
            output.Write('\n');
            written += line.Length + 1;
        }
    }
}

// The decompression alone, with the library and zlib build the scan reads .gz with, every file of FOLDER on all
// cores into Stream.Null, measured in this process (no start-up): the floor of a scan of a gzipped archive.
static Measurement Gunzip(int runs, string folder)
{
    var samples = new List<(double Seconds, long PeakKiB, double Cpu, string Output)>();
    for (var i = 0; i < runs; i++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        Parallel.ForEach(Directory.GetFiles(folder), file =>
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
            var counter = new CountingSink();
            gzip.CopyTo(counter, 1 << 16);
            Interlocked.Add(ref bytes, counter.Length);
        });
        samples.Add((clock.Elapsed.TotalSeconds, 0, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, $"{bytes} bytes"));
    }
    return Median(samples);
}

// Every file of FOLDER gzipped into TARGET (NAME.gz) at zlib's default level, as gzip and logrotate write them.
static void Gzip(string folder, string target)
{
    Directory.CreateDirectory(target);
    Parallel.ForEach(Directory.GetFiles(folder), file =>
    {
        using var input = File.OpenRead(file);
        using var output = File.Create(Path.Combine(target, Path.GetFileName(file) + ".gz"));
        using var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal);
        input.CopyTo(gzip);
    });
}

static string FindShared() => Path.Combine(RepoRoot(), "..", "shared");

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
            return dir.FullName;
    throw new InvalidOperationException("PanicLens.slnx not found above " + AppContext.BaseDirectory);
}

internal sealed record Measurement(double Seconds, long PeakKiB, string Output, double Cpu);

/// <summary>A stream that only counts what is written to it.</summary>
internal sealed class CountingSink : Stream
{
    private long length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => length += count;

    public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
}
