using PanicLens.Core.Tests.Signatures;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// mm/kasan/report.c names the accessing task on its access line in every era: 4.0-4.10 print the address on the
/// header (`BUG: KASAN: %s in %pS at addr %p`) and `%s of size %zu by task %s/%d` after it; since 4.11 the access line
/// holds the address (`%s of size %zu at addr %px by task %s/%d`). The reports here are trimmed as posters trim them,
/// without dump_stack's `CPU: ... Comm:` line, so the access line is the only one naming the task.
/// </summary>
public sealed class KasanTaskTests
{
    private static readonly (string Header, string Access)[] Eras =
    [
        ("BUG: KASAN: global-out-of-bounds in gizmo_probe+0x13a/0x2b0 at addr ffffffffc0606840", "{rw} of size 4 by task {comm}/{pid}"),
        ("BUG: KASAN: global-out-of-bounds in gizmo_probe+0x13a/0x2b0 [gizmo]", "{rw} of size 8 at addr ffffffffc0606840 by task {comm}/{pid}"),
    ];

    private static readonly string[] Comms = ["kworker/u8:2", "systemd-udevd", "(udev-worker)", "syz-executor.3", "binder:569_5"];

    private static readonly string[] Envelopes =
        ["", "[   10.538509] ", "[   10.538509][  T299] ", "Jan 14 01:04:26 host kernel: [   10.538509] ", "> ", " ", "> > [   10.538509] "];

    public static IEnumerable<object[]> Cases() =>
        from era in Enumerable.Range(0, Eras.Length) from rw in new[] { "Read", "Write" } from comm in Comms from envelope in Envelopes
        select new object[] { era, rw, comm, envelope };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_access_line_names_the_task_in_every_era(int era, string rw, string comm, string envelope)
    {
        var (header, access) = Eras[era];
        string[] lines =
        [
            "==================================================================",
            header,
            access.Replace("{rw}", rw).Replace("{comm}", comm).Replace("{pid}", "299"),
            "Call Trace:",
            " dump_stack+0x62/0x95",
            " kasan_report+0x134/0x191",
            " gizmo_probe+0x13a/0x2b0",
            " platform_drv_probe+0x3c/0x90",
        ];
        var log = "gizmo: loading\n" + string.Concat(lines.Select(l => envelope + l + "\n"));
        var report = Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());
        Assert.Equal(comm, report.Process?.Comm);
        Assert.Equal(299, report.Process?.Pid);
    }
}
