using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;
using PanicLens.Signatures;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Corpus;

/// <summary>
/// Runs every production log through line reading, region finding and parsing, and compares the first report's
/// function, comm, pid, module and kernel with the hand-read INDEX.tsv. Empty cells are not checked.
/// </summary>
public sealed class ProductionCorpusTests(ITestOutputHelper output)
{
    /// <summary>Reason of a miss not yet looked into: the parser is to be fixed until none is left.</summary>
    private const string NotReviewed = "not yet reviewed: a parser rule to find and fix";

    private const string DmCryptWorkqueueFirst =
        "the log's first report is the workqueue watchdog's `BUG: workqueue lockup` notice (busy pools, no task, no stack), "
        + "found first in log order; the hand reader labels the NMI hard LOCKUP printed after it, our second report (read right)";


    /// <summary>
    /// The one "not yet" list: every hand-read field that still differs, with the reason. It only shrinks: an entry
    /// that now passes fails <see cref="Not_yet_entries_that_now_pass_are_removed"/>, so it is taken out with the fix.
    /// Reviewed entries name why no general rule can read the field; nothing here is bent in the parser.
    /// </summary>
    private static readonly (string File, string Field, string Reason)[] NotYet =
    [
        ("lkml-raid-debnas-grep-filtered-hungtask.log", "function",
            "grep kept only '?' frames; the top one, is_mddev_idle, is a stale return address the hand reader knew to skip "
            + "(md_do_sync is where the reshape thread sleeps); no rule tells a stale '?' frame from a live one here"),
        ("abrt-oops9_ppc64.log", "function",
            "INDEX keeps the ppc64 ELFv1 dot (.ipr_pci_error_detected) although the corpus README says dotted names are read without it; we follow the README"),
        ("lkml-raid-asustor-nas-full-dmesg-pagealloc.log", "function",
            "the label names warn_alloc, the allocator's reporting helper; the README's rule for reporting helpers (and the btrfs-debian "
            + "page-allocation label) name the first caller above the allocator, skb_clone here"),
        ("dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "comm", DmCryptWorkqueueFirst),
        ("dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "function", DmCryptWorkqueueFirst),
        ("dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "kernel", DmCryptWorkqueueFirst),
        ("dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "pid", DmCryptWorkqueueFirst),
    ];

    /// <summary>The field name of the negative case: the log must yield no report.</summary>
    private const string NoReport = "no-report";

    // Issue 10 asks 97% on the grown set of 88 logs. Until the not-yet list holds only reviewed reasons this floor is
    // the rate reached so far: it is raised with each fix, never lowered.
    private const double RequiredRate = 0.97;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var row in ProductionIndex.Load())
            data.Add(row.File);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void First_report_has_the_hand_read_fields(string file)
    {
        var row = ProductionIndex.Load().Single(r => r.File == file);
        var report = FirstReport(file);
        if (row.CheckedFields().All(f => f.Want.Length == 0))
            return;
        var wrong = new List<string>();
        foreach (var (field, want) in row.CheckedFields())
        {
            var got = report is null ? null : Got(report, field);
            if (want.Length > 0 && !Agrees(report, field, want) && !IsNotYet(file, field))
                wrong.Add($"{field}: want '{want}' got '{got ?? "no report"}'");
        }
        Assert.True(wrong.Count == 0, file + ": " + string.Join("; ", wrong));
    }

    [Fact]
    public void At_least_95_percent_of_hand_read_fields_agree()
    {
        int right = 0, total = 0;
        foreach (var row in ProductionIndex.Load())
        {
            var report = FirstReport(row.File);
            foreach (var (field, want) in row.CheckedFields())
            {
                if (want.Length == 0)
                    continue;
                total++;
                var got = report is null ? null : Got(report, field);
                if (Agrees(report, field, want))
                    right++;
                else
                    output.WriteLine($"{row.File} {field}: want '{want}' got '{got}'{(IsNotYet(row.File, field) ? " (not yet)" : "")}");
            }
        }
        double rate = (double)right / total;
        output.WriteLine($"production fields right: {right}/{total} = {rate:P1}");
        Assert.True(rate >= RequiredRate, $"{right}/{total} = {rate:P1} < {RequiredRate:P0}");
    }

    /// <summary>The list only shrinks: an entry whose field now agrees must be removed with the fix that made it agree.</summary>
    [Fact]
    public void Not_yet_entries_that_now_pass_are_removed()
    {
        var stale = new List<string>();
        var reviewed = 0;
        foreach (var (file, field, reason) in NotYet)
        {
            if (reason != NotReviewed)
                reviewed++;
            var report = FirstReport(file);
            bool passes = field == NoReport
                ? report is null
                : Agrees(report, field, ProductionIndex.Load().Single(r => r.File == file).CheckedFields().Single(f => f.Field == field).Want);
            output.WriteLine($"not yet: {file} {field}: {reason}");
            if (passes)
                stale.Add($"{file} {field}");
        }
        output.WriteLine($"not yet: {NotYet.Length} entries, {reviewed} reviewed, {NotYet.Length - reviewed} still to fix");
        Assert.True(stale.Count == 0, "now passing, remove from the not-yet list: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_log_without_a_crash_yields_no_report()
    {
        var report = FirstReport("abrt-oops7.log");
        if (IsNotYet("abrt-oops7.log", NoReport))
            output.WriteLine($"not yet: abrt-oops7.log yields a report starting '{report?.Message}'");
        else
            Assert.Null(report);
    }

    private static bool IsNotYet(string file, string field) =>
        NotYet.Any(a => a.File == file && a.Field == field);

    /// <summary>
    /// Whether the report reads the hand-read field. The corpus README: where the faulting function is generic code
    /// the convention skips (a lock primitive, memset, an allocator), a report naming it as its instruction pointer's
    /// function and the caller as its function reads the log right either way.
    /// </summary>
    private static bool Agrees(CrashReport? report, string field, string want)
    {
        if (report is null)
            return false;
        if (Got(report, field) == want)
            return true;
        // Only a report that names a caller: the same function spelled otherwise (a ppc64 dot) is no such reading.
        return field == "function" && report.Ip is { } ip && report.Function is { } function
            && Bare(ip.Function) != function && Bare(ip.Function) == Bare(want);
    }

    /// <summary>The name without a ppc64 dot or compiler clone suffix.</summary>
    private static string Bare(string function)
    {
        var name = function.TrimStart('.');
        var dot = name.IndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static string? Got(CrashReport report, string field) => field switch
    {
        "function" => report.Function,
        "comm" => report.Process?.Comm,
        "pid" => report.Process?.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "module" => report.Module,
        "kernel" => report.Kernel,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a checked field"),
    };

    /// <summary>The whole pipeline: lines, regions, parse, title; plus the boot banner for reports that print no release.</summary>
    private static CrashReport? FirstReport(string file)
    {
        using var stream = File.OpenRead(Path.Combine(ProductionIndex.Folder, file));
        var lines = LineReader.Read(stream).ToList();
        var region = new CrashDetector().Detect(lines).FirstOrDefault();
        if (region is null)
            return null;
        var report = ReportParser.Parse(file, region.Lines, region.StartLine, region.EndLine);
        report.Kernel ??= ReportParser.BootKernel(lines, region.StartLine);
        TitleBuilder.Apply(report);
        return report;
    }
}
