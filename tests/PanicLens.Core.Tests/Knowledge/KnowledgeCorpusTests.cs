using PanicLens.Core.Tests.Corpus;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Parsing;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>Real logs, parsed by the real parser, matched against the shipped knowledge base.</summary>
public sealed class KnowledgeCorpusTests(ITestOutputHelper output)
{
    private static readonly KnowledgeBase Shipped = KnowledgeLoader.Load();

    // Reviewed by hand against INDEX.tsv: the known issue each of these logs must match. Logs not listed
    // hold bugs the base does not describe (driver WARNs, KASAN reports...) and are only printed.
    private static readonly (string File, string Issue)[] Expected =
    [
        ("abrt-mce1.log", "fatal-machine-check"),
        ("abrt-oops-32bit-graphics.log", "list-corruption"),
        ("abrt-oops1-module-nouveau.log", "soft-lockup"),
        ("atlas-ali-xen-iso-tab-hungtask.log", "hung-task-blocked"),
        ("atlas-el6-kvm-hungtask-headers-only.log", "hung-task-blocked"),
        ("lkml-cifs-linuxclient-kernlog-hungtask-debugnoise.log", "hung-task-blocked"),
        ("lkml-edac-sr650-ghes-nmi-panic.log", "apei-ghes-fatal-hardware-error"),
        ("lkml-edac-sr650-mce-kdump-bios-console.log", "fatal-machine-check"),
        ("lkml-raid-asustor-nas-full-dmesg-pagealloc.log", "page-allocation-failure"),
        ("lkml-raid-clockwork-hungtask-md.log", "hung-task-blocked"),
        ("lkml-raid-supermicro-rcustall-hungtask-multi.log", "rcu-stall"),
        ("satyr-rhbz-836206.log", "scheduling-while-atomic"),
        ("xen-commit-9a61c704-spinlock-bug.log", "xen-hypervisor-panic"),
    ];

    /// <summary>Every report the real detector finds in the log, parsed.</summary>
    private static List<CrashReport> Reports(string path)
    {
        using var stream = File.OpenRead(path);
        var lines = LineReader.Read(stream).ToList();
        var reports = new List<CrashReport>();
        foreach (var region in new CrashDetector().Detect(lines))
        {
            var report = ReportParser.Parse(Path.GetFileName(path), region.Lines, region.StartLine, region.EndLine);
            report.Kernel ??= ReportParser.BootKernel(lines, region.StartLine);
            reports.Add(report);
        }
        return reports;
    }

    [Fact]
    public void The_seed_console_log_parsed_for_real_matches_the_inet_diag_fix_first()
    {
        var report = Reports(RepoPaths.Example("xen-dom0-inet-diag.log"))[0];
        var matches = Shipped.Match(report);
        output.WriteLine(string.Join(Environment.NewLine, matches.Select(m => $"{m.Issue.Id} {m.Score}: {string.Join("; ", m.Reasons)}")));
        Assert.Equal("inet-diag-ipv4-synrecv-on-ipv6-listener", matches[0].Issue.Id);
        Assert.True(matches[0].KernelInRange);
        Assert.Contains(matches, m => m.Issue.Id == "xen-dom0-crash-no-kexec-before-4-4");
    }

    [Fact]
    public void Production_logs_match_the_reviewed_known_issues_and_print_the_rest()
    {
        var files = Directory.GetFiles(ProductionIndex.Folder, "*.log").Order(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, IReadOnlyList<KnownIssueMatch>>();
        foreach (var path in files)
        {
            // Strongest match per issue over all the log's reports.
            var matches = Reports(path).SelectMany(Shipped.Match).GroupBy(m => m.Issue.Id).Select(g => g.MaxBy(m => m.Score)!).ToList();
            found[Path.GetFileName(path)] = matches;
            output.WriteLine($"{Path.GetFileName(path)}: {string.Join(", ", matches.Select(m => $"{m.Issue.Id}({m.Score})"))}");
        }
        output.WriteLine($"{found.Values.Count(m => m.Count > 0)} of {files.Count} production logs match a known issue");
        var missing = Expected.Where(e => !found.TryGetValue(e.File, out var m) || !m.Any(x => x.Issue.Id == e.Issue)).ToList();
        Assert.True(missing.Count == 0, "expected matches missing: " + string.Join(", ", missing));
    }
}
