using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// A stamped `WARNING: ... at` header wrapped by a mail client, with nothing of the report after it but prose, another
/// quoted header or the mail's end: the unstamped tail (`file.c:12 func+0x1/0x2`, or the function alone after a wrap
/// past the file) is the header's own, so the report names the function. Its title is the convention's for a header
/// with no trace (syzkaller's testdata 22-25: `WARNING in corrupted`, corrupted) on a console capture. Varied over
/// stamps, quoting, wrap points, paths, modules and what follows; headers back to back stay separate reports.
/// </summary>
public sealed class WrappedHeaderTailTests
{
    public static TheoryData<string> Stamps => new()
    {
        "[   85.834361] ", "[   10.853559][    T1] ", "Dec 19 11:53:43 kernel: ", "May 07 13:40:28 host kernel: [  90.729882] ",
        "<4>[   37.615454] ",
    };

    private static readonly (string Head, string Tail)[] Wraps =
    [
        ("WARNING: CPU: 4 PID: 740 at", "/usr/src/kernel/kernel/bpf/verifier.c:8999 bpf_check+0x1d1c/0x2ac0"),
        ("WARNING: CPU: 3 PID: 574 at ", "drivers/firmware/tegra/bpmp.c:362 tegra_bpmp_transfer+0x2d0/0x328"),
        ("WARNING: CPU: 1 PID: 1328948 at", "net/mac80211/util.c:2555 bpf_check.isra.0+0x505/0x1100 [mac80211]"),
        ("WARNING: CPU: 0 PID: 0 at kernel/trace/trace_events.c:417", "bpf_check+0xea/0x580"),
        ("WARNING: at", "kernel/bpf/verifier.c:12 bpf_check+0x1/0x2()"),
    ];

    private static readonly string[] Afters = ["", "\n2)\n", "\nThis is due to rtnl_lock() not being held.\n", "\n\n-- \nregards\n"];

    [Theory]
    [MemberData(nameof(Stamps))]
    public void A_header_only_report_keeps_its_wrapped_tail(string stamp)
    {
        foreach (var quote in new[] { "", "> ", "> > " })
            foreach (var (head, tail) in Wraps)
                foreach (var after in Afters)
                {
                    var log = quote + stamp + head + "\n" + quote + tail + after;
                    var report = Assert.Single(CorpusPipeline.Reports(log));
                    var what = $"{quote}{stamp}{head} / {tail} then {after.Trim()}";
                    Assert.True(report.Function == "bpf_check" || report.Function == "tegra_bpmp_transfer", $"{what}: function `{report.Function}`");
                    Assert.True(report.EndLine == report.StartLine + 1, $"{what}: lines {report.StartLine}-{report.EndLine}");
                    Assert.Equal("WARNING in corrupted", report.Title);
                    Assert.True(report.Corrupted, what);
                }
    }

    [Theory]
    [MemberData(nameof(Stamps))]
    public void Wrapped_headers_back_to_back_are_separate_reports(string stamp)
    {
        var log = string.Concat(Enumerable.Range(1, 4).Select(i =>
            stamp + "WARNING: CPU: 1 PID: 1328948 at\n" + $"net/mac80211/driver-ops.h:{i} drv_op{i}+0x16f/0x180 [mac80211]\n"));
        var reports = CorpusPipeline.Reports(log);
        Assert.Equal(["drv_op1", "drv_op2", "drv_op3", "drv_op4"], reports.Select(r => r.Function));
    }

    [Theory]
    [MemberData(nameof(Stamps))]
    public void A_bare_line_that_is_not_the_header_s_tail_stays_out(string stamp)
    {
        foreach (var next in new[] { "kernel/bpf/verifier.c:8999 is where it fires", "bpf_check() warned" })
        {
            var report = Assert.Single(CorpusPipeline.Reports(stamp + "WARNING: CPU: 4 PID: 740 at\n" + next + "\n"));
            Assert.Null(report.Function);
            Assert.Equal(report.StartLine, report.EndLine);
        }
    }
}
