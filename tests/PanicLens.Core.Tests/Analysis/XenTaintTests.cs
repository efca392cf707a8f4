using System.Text;
using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class XenTaintTests
{
    [Fact]
    public void A_hypervisor_report_reads_its_taint_with_xen_letters_not_linux_ones()
    {
        var log = File.ReadAllBytes(Path.Combine(RepoPaths.Corpus("production"), "xen-commit-9a61c704-spinlock-bug.log"));
        var report = new ReportPipeline().Analyze(new MemoryStream(log), "xen").First();
        Assert.Equal("xen", report.Kind);
        var flag = Assert.Single(report.Diagnosis!.Taint);
        Assert.Equal("C", flag.Letter);
        Assert.Contains("synchronous", flag.Meaning);
        Assert.DoesNotContain("staging", flag.Meaning);
    }

    [Fact]
    public void The_same_letter_in_a_linux_report_keeps_its_linux_meaning()
    {
        var log = "[ 1.0] BUG: unable to handle kernel paging request at ffff880000001000\n" +
                  "[ 1.0] CPU: 0 PID: 1 Comm: x Tainted: G         C 5.10.0 #1\n" +
                  "[ 1.0] RIP: 0010:f+0x1/0x2\n[ 1.0] Call Trace:\n[ 1.0]  g+0x1/0x2\n";
        var report = new ReportPipeline().Analyze(new MemoryStream(Encoding.Latin1.GetBytes(log)), "t").First();
        Assert.Contains(report.Diagnosis!.Taint, t => t.Letter == "C" && t.Meaning.Contains("staging"));
    }

    [Theory]
    [InlineData('C')]
    [InlineData('M')]
    [InlineData('I')]
    [InlineData('S')]
    public void Every_xen_letter_has_a_meaning(char letter)
    {
        Assert.NotNull(XenTaintLetters.Find(letter));
    }
}
