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
    /// <summary>
    /// The one reviewed list of fields allowed to differ, with the reason. Nothing here is bent in the parser.
    /// </summary>
    private static readonly (string File, string Field, string Reason)[] AllowedFailures =
    [
        ("lkml-raid-debnas-grep-filtered-hungtask.log", "function",
            "grep kept only '?' frames; the top one, is_mddev_idle, is a stale return address the hand reader knew to skip "
            + "(md_do_sync is where the reshape thread sleeps); no rule tells a stale '?' frame from a live one here"),
        ("lkml-raid-supermicro-rcustall-hungtask-multi.log", "comm",
            "detection: the log opens mid-report with an orphan 'NMI backtrace for cpu 30' (kworker/u146:9) that the detector "
            + "does not count as a report; its first report is the rcu_sched stall whose task line is ksoftirqd/68"),
        ("lkml-raid-supermicro-rcustall-hungtask-multi.log", "pid", "as for comm: the orphan backtrace's pid 67325 vs the stall's 354"),
    ];

    /// <summary>The field name of the negative case: the log must yield no report.</summary>
    private const string NoReport = "no-report";

    // Issue 3: at least 95% of the hand-read fields (issue 2 asked 85%).
    private const double RequiredRate = 0.95;

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
        Assert.NotNull(report);
        var wrong = new List<string>();
        foreach (var (field, want) in row.CheckedFields())
        {
            var got = Got(report, field);
            if (want.Length > 0 && want != got && !IsAllowed(file, field))
                wrong.Add($"{field}: want '{want}' got '{got}'");
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
                if (want == got)
                    right++;
                else
                    output.WriteLine($"{row.File} {field}: want '{want}' got '{got}'{(IsAllowed(row.File, field) ? " (allowed)" : "")}");
            }
        }
        double rate = (double)right / total;
        output.WriteLine($"production fields right: {right}/{total} = {rate:P1}");
        Assert.True(rate >= RequiredRate, $"{right}/{total} = {rate:P1} < {RequiredRate:P0}");
    }

    /// <summary>An allowed failure that now passes is reported, not failed: another stage's fix should not break this test.</summary>
    [Fact]
    public void Allowed_failures_that_now_pass_are_reported()
    {
        foreach (var (file, field, _) in AllowedFailures)
        {
            var report = FirstReport(file);
            bool passes = field == NoReport
                ? report is null
                : ProductionIndex.Load().Single(r => r.File == file).CheckedFields().Single(f => f.Field == field).Want
                    == (report is null ? null : Got(report, field));
            if (passes)
                output.WriteLine($"allowed failure now passes, remove it from the list: {file} {field}");
        }
    }

    [Fact]
    public void The_log_without_a_crash_yields_no_report()
    {
        var report = FirstReport("abrt-oops7.log");
        if (IsAllowed("abrt-oops7.log", NoReport))
            output.WriteLine($"allowed: abrt-oops7.log yields a report starting '{report?.Message}'");
        else
            Assert.Null(report);
    }

    private static bool IsAllowed(string file, string field) =>
        AllowedFailures.Any(a => a.File == file && a.Field == field);

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
