using PanicLens.Core.Tests.Signatures;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// kernel/panic.c __warn since 6.17 prints `WARNING: f.c:N at f+0x1/0x2, CPU#N: %s/%d` with current's comm and pid, and
/// dump_stack_print_info prints the same task on `CPU: N PID: N Comm: %s`. scripts/decode_stacktrace.sh rewrites a line
/// holding a symbol word by word: it joins the words with single blanks, takes the last word for the symbol and strips
/// everything up to its first `:` as a code segment (parse_symbol), so `kworker/u8:2/42` is printed `2/42`. The `Comm:`
/// field is on a line without a symbol and comes through whole: for the same pid it names the task.
/// </summary>
public sealed class WarningCommTests
{
    /// <summary>comm values of every shape: with `:` (the ones the script cuts), with `/`, parenthesised, plain.</summary>
    private static readonly string[] Comms =
        ["kworker/u8:2", "kworker/0:1", "binder:569_5", "irq/61-rtw_pci", "(udev-worker)", "swapper/0", "gizmod"];

    private static readonly string[] Envelopes =
        ["", "[   90.025062] ", "<4>[   90.025062] ", "[   90.025062][  T42] ", "Jan 14 01:04:26 host kernel: [   90.025062] ", "> ", "> > <4>[   90.025062] "];

    public static IEnumerable<object[]> Cases() =>
        from comm in Comms from envelope in Envelopes from decoded in new[] { false, true } from arch in new[] { "x86", "arm64" }
        select new object[] { comm, envelope, decoded, arch };

    /// <summary>What decode_stacktrace.sh's handle_line prints for a line whose last word is no symbol it can resolve.</summary>
    private static string Decode(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1];
        var colon = last.IndexOf(':');
        words[^1] = colon >= 0 ? last[(colon + 1)..] : last;
        return string.Join(' ', words) + " ";
    }

    private static string Log(string comm, string envelope, bool decoded, string arch, int taskPid)
    {
        var header = $"{envelope}WARNING: fs/jbd2/transaction.c:334 at start_this_handle+0x4c0/0x4e0, CPU#0: {comm}/42";
        string[] body = arch == "x86"
            ?
            [
                "Modules linked in: gizmo",
                $"CPU: 0 UID: 0 PID: {taskPid} Comm: {comm} Not tainted 6.17.0-rc3 #1 PREEMPT",
                "RIP: 0010:start_this_handle+0x4c0/0x4e0",
                "Call Trace:",
                " <TASK>",
                " jbd2__journal_start+0xfc/0x220",
                " ext4_writepages+0x2a0/0x5c0",
                " </TASK>",
            ]
            :
            [
                "Modules linked in: gizmo",
                $"CPU: 0 UID: 0 PID: {taskPid} Comm: {comm} Not tainted 6.17.0-rc3 #1 PREEMPT",
                "pc : start_this_handle+0x4c0/0x4e0",
                "lr : start_this_handle+0x4bc/0x4e0",
                "Call trace:",
                " start_this_handle+0x4c0/0x4e0 (P)",
                " jbd2__journal_start+0xfc/0x220",
                " ext4_writepages+0x2a0/0x5c0",
            ];
        return "gizmo: loading\n" + (decoded ? Decode(header) : header) + "\n" + string.Concat(body.Select(line => envelope + line + "\n"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_task_line_names_the_warning_task_whatever_the_decoder_did_to_the_header(string comm, string envelope, bool decoded, string arch)
    {
        var report = Assert.IsType<CrashReport>(CorpusPipeline.Reports(Log(comm, envelope, decoded, arch, taskPid: 42)).FirstOrDefault());
        Assert.Equal(comm, report.Process?.Comm);
        Assert.Equal(42, report.Process?.Pid);
        Assert.Equal("WARNING in start_this_handle", report.Title);
    }

    /// <summary>A task line of another pid is another task's (a second CPU's report interleaved): the header's task stays.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_task_line_of_another_pid_leaves_the_header_task(string comm, string envelope, bool decoded, string arch)
    {
        var report = Assert.IsType<CrashReport>(CorpusPipeline.Reports(Log(comm, envelope, decoded, arch, taskPid: 7)).FirstOrDefault());
        var colon = comm.IndexOf(':');
        Assert.Equal(decoded && colon >= 0 ? comm[(colon + 1)..] : comm, report.Process?.Comm);
        Assert.Equal(42, report.Process?.Pid);
    }
}
