using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Corpus;

/// <summary>The seed log through line reading, detection and parsing: the issue's "done means" fields.</summary>
public sealed class SeedPipelineTests
{
    [Fact]
    public void Seed_log_through_the_detector_yields_one_report_with_the_issue_fields()
    {
        using var stream = File.OpenRead(RepoPaths.Example("xen-dom0-inet-diag.log"));
        var lines = LineReader.Read(stream).ToList();
        var region = Assert.Single(new CrashDetector().Detect(lines));
        var report = ReportParser.Parse("xen-dom0-inet-diag.log", region.Lines, region.StartLine, region.EndLine);
        Assert.Equal(("ipv6_addr_copy", "inet_diag"), (report.Function, report.Module));
        Assert.Equal(new ProcessInfo("ss", 29755), report.Process);
        Assert.Equal(("2.6.32.36-xen", "P W", "ProLiant DL380p Gen8"), (report.Kernel, report.Taint, report.Hardware));
        Assert.Equal(("ffff8802ea75bb00", "Fatal exception in interrupt"), (report.FaultAddress, report.Panic));
        Assert.Contains("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.", report.Hypervisor);
        Assert.Equal(2, report.Stacks.Count);
    }
}
