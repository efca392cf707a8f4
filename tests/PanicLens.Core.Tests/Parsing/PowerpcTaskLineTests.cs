using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// powerpc's show_regs (arch/powerpc/kernel/process.c, 2.6 to 4.x) names the task as `TASK = %p[%d] '%s' THREAD: %p`,
/// then ` CPU: %d` on SMP kernels: the report's comm, pid and cpu. Varied over 64- and 32-bit pointers, with and without
/// the cpu, and envelopes; a line without `THREAD:` is not read.
/// </summary>
public sealed class PowerpcTaskLineTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[ 1437.168636] ", "> > > Mar 31 14:01:28 ps3 kernel: [ 1437.168636] ", "<4>[ 1437.168636] ", "    ",
    };

    private static readonly string[] Report =
    [
        "kernel BUG at kernel/module.c:912!",
        "Oops: Exception in kernel mode, sig: 5 [#1]",
        "NIP: c00000000008ae54 LR: c00000000008ae4c CTR: c00000000008ae20",
        "REGS: c000000006987410 TRAP: 0700   Tainted: G        W   (2.6.29-06608-g15f7176)",
        "{0}",
        "NIP [c00000000008ae54] .symbol_put_addr+0x34/0x64",
        "LR [c00000000008ae4c] .symbol_put_addr+0x2c/0x64",
        "Call Trace:",
        "[c000000006987690] [c00000000008ae4c] .symbol_put_addr+0x2c/0x64 (unreliable)",
        "[c000000006987720] [d0000000029c1234] .dvb_usb_exit+0x44/0x90 [dvb_usb]",
    ];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void The_task_line_names_comm_pid_and_cpu(string envelope)
    {
        foreach (var (line, cpu) in new[]
                 {
                     ("TASK = c0000000069811c0[111] 'khubd' THREAD: c000000006984000 CPU: 0", (int?)0),
                     ("TASK = c7a4b3c0[2301] 'kdvb-fe-0' THREAD: c6f22000 CPU: 1", 1),
                     ("TASK = c7a4b3c0[2301] 'kdvb-fe-0' THREAD: c6f22000", null),
                 })
        {
            var log = string.Concat(Report.Select(l => envelope + string.Format(l, line) + "\n"));
            var report = Assert.Single(CorpusPipeline.Reports(log));
            var pid = int.Parse(line[(line.IndexOf('[') + 1)..line.IndexOf(']')]);
            var comm = line.Split('\'')[1];
            Assert.True(report.Process?.Comm == comm && report.Process?.Pid == pid, $"`{envelope}{line}`: {report.Process?.Comm}/{report.Process?.Pid}");
            if (cpu is not null)
                Assert.Equal(cpu, report.Cpu);
        }
    }

    [Fact]
    public void A_task_line_without_its_thread_pointer_is_not_read()
    {
        var log = string.Concat(Report.Select(l => string.Format(l, "TASK = c7a4b3c0[2301] 'kdvb-fe-0' was the one") + "\n"));
        Assert.Null(Assert.Single(CorpusPipeline.Reports(log)).Process);
    }
}
