using System.Text;

namespace PanicLens.Core.Tests.Pipeline;

public sealed class ReportPipelineTests
{
    private static List<Model.CrashReport> Analyze(string log) =>
        new ReportPipeline().Analyze(new MemoryStream(Encoding.Latin1.GetBytes(log)), "t").ToList();

    [Fact]
    public void Headers_built_to_make_title_patterns_backtrack_still_each_give_a_report()
    {
        // `WARNING: .*(?:[A-Za-z0-9_\-]+/)*[A-Za-z0-9_\-]+\.(?:c|h|rs|S):[0-9]+` backtracks heavily on a long path
        // that never ends in `.c:NN`; the interpreter's budget runs out and the linear engine answers instead.
        var hostile = "WARNING: CPU: 0 PID: 1 at " + string.Concat(Enumerable.Repeat("aaaa/", 200)) + "zz";
        var log = string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"[{i,5}.000000] {hostile}\n[{i,5}.000001] Call Trace:\n[{i,5}.000002]  f{i}+0x1/0x2\n[{i,5}.000003] ---[ end trace ]---\n"));
        var reports = Analyze(log);
        Assert.Equal(40, reports.Count);
        Assert.All(reports, r => Assert.StartsWith("WARNING", r.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_printing_no_release_takes_the_kernel_of_the_last_boot_banner_before_it()
    {
        var log = "[    0.000000] Linux version 3.10.0-49.el7.x86_64 (builder@x) (gcc 4.8.2) #1 SMP\n" +
                  "[    1.000000] random boot line\n" +
                  "[   20.000000] mce: [Hardware Error]: Machine check events logged\n" +
                  "[   30.000000] Linux version 3.10.0-50.el7.x86_64 (builder@x) (gcc 4.8.2) #1 SMP\n";
        var report = Assert.Single(Analyze(log));
        Assert.Equal("3.10.0-49.el7.x86_64", report.Kernel);
    }

    [Fact]
    public void Every_report_of_a_log_comes_out_in_log_order_with_its_own_lines()
    {
        var seed = File.ReadAllText(RepoPaths.Example("xen-dom0-inet-diag.log"));
        var reports = Analyze(seed + "noise\n" + seed);
        Assert.Equal(2, reports.Count);
        Assert.Equal(1, reports[0].StartLine);
        Assert.Equal(129, reports[1].StartLine);
        Assert.All(reports, r => Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", r.Title));
        Assert.All(reports, r => Assert.NotNull(r.Diagnosis));
    }
}
