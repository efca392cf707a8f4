using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// arm32 kernels built with CONFIG_ARM_UNWIND print their backtrace with no opening line: the frame-pointer
/// `dump_backtrace()` prints `Backtrace: `, the unwinder's `unwind_backtrace()` goes straight to
/// `dump_backtrace_entry()` (arch/arm/kernel/traps.c, unwind.c). The first frame line opens the trace, in each of
/// the entry's forms: `[&lt;pc&gt;] (%ps) from [&lt;lr&gt;] (%pS)` (verbose), ` %ps from %pS` (5.16 on), and `(%pS)` for the
/// callee before 3.x; `%ps` names a module symbol's module too.
/// </summary>
public sealed class ArmUnwinderTraceTests
{
    private sealed record Call(string Function, string? Module = null);

    private static readonly Call[] WarningChain =
    [
        new("unwind_backtrace"), new("show_stack"), new("dump_stack_lvl"), new("__warn"), new("warn_slowpath_fmt"),
        new("gizmo_set", "gizmo"), new("gizmo_ioctl", "gizmo"), new("sys_ioctl"), new("ret_fast_syscall"),
    ];

    private static readonly Call[] OopsChain =
    [
        new("strcmp"), new("gizmo_lookup", "gizmo"), new("gizmo_ioctl", "gizmo"), new("sys_ioctl"), new("ret_fast_syscall"),
    ];

    private static readonly Call[] HungChain =
    [
        new("__schedule"), new("schedule"), new("schedule_timeout"), new("wait_for_completion"),
        new("gizmo_flush", "gizmo"), new("process_one_work"), new("worker_thread"), new("kthread"), new("ret_from_fork"),
    ];

    /// <summary>Every frame is the reporting path's own, as on syzbot's 4.17 arm logs (corpus 236, 239, 240).</summary>
    private static readonly Call[] ReportingOnlyChain =
    [
        new("unwind_backtrace"), new("show_stack"), new("dump_stack"), new("panic"), new("warn_slowpath_fmt"),
    ];

    public static readonly string[] Forms = ["short", "verbose", "verbose-offset"];

    public static readonly string[] Envelopes =
    [
        "", "[  100.123456] ", "<4>[  100.123456] ", "[  100.123456][  T100] ", "Jan 14 01:04:26 host kernel: [  100.123456] ",
        "> ", "> > [  100.123456] ", "    ",
    ];

    /// <summary>The trace as `dump_backtrace_entry()` prints it: one line per call, callee then the caller it returns to.</summary>
    private static IEnumerable<string> Trace(Call[] chain, string form, string? tail = null)
    {
        for (var i = 0; i + 1 < chain.Length; i++)
        {
            var (callee, caller) = (chain[i], chain[i + 1]);
            var calleeModule = callee.Module is null ? "" : $" [{callee.Module}]";
            var callerModule = caller.Module is null ? "" : $" [{caller.Module}]";
            var offset = caller.Function.StartsWith("ret_", StringComparison.Ordinal) ? "+0x0/0x54" : $"+0x{0x18 + 4 * i:x}/0x{0x90 + 8 * i:x}";
            var where = $"[<c0{0x10e9a4 + 0x100 * i:x6}>]";
            var from = $"[<c0{0x20af48 + 0x100 * i:x6}>]";
            yield return form switch
            {
                "short" => $" {callee.Function}{calleeModule} from {caller.Function}{offset}{callerModule}",
                "verbose" => $"{where} ({callee.Function}{calleeModule}) from {from} ({caller.Function}{offset}{callerModule})",
                _ => $"{where} ({callee.Function}+0x10/0x40{calleeModule}) from {from} ({caller.Function}{offset}{callerModule})",
            };
        }
        if (tail is not null)
            yield return tail;
    }

    private static IEnumerable<string> Warning(Call[] chain, string form) =>
    [
        "------------[ cut here ]------------",
        "WARNING: CPU: 0 PID: 100 at drivers/gizmo/gizmo.c:82 gizmo_set+0x3c/0x74 [gizmo]",
        "Modules linked in: gizmo",
        "CPU: 0 PID: 100 Comm: gizmod Not tainted 6.6.0 #1",
        "Hardware name: Generic DT based system",
        .. Trace(chain, form),
        "---[ end trace 0000000000000000 ]---",
    ];

    private static IEnumerable<string> Oops(string form) =>
    [
        "8<--- cut here ---",
        "Unable to handle kernel NULL pointer dereference at virtual address 00000140",
        "[00000140] *pgd=00000000",
        "Internal error: Oops: 17 [#1] SMP ARM",
        "Modules linked in: gizmo",
        "CPU: 0 PID: 100 Comm: gizmod Not tainted 5.18.0 #1",
        "Hardware name: Generic DT based system",
        "PC is at strcmp+0x4/0x34",
        "LR is at gizmo_lookup+0x20/0x90 [gizmo]",
        "pc : [<c09a55b0>]    lr : [<c03d2750>]    psr: a00d0093",
        "Process gizmod (pid: 100, stack limit = 0xf5a44654)",
        .. Trace(OopsChain, form),
        "Code: e3520000 1afffffb e12fff1e e4d03001 (e4d12001)",
        "---[ end trace 0000000000000000 ]---",
    ];

    private static IEnumerable<string> Hung(string form) =>
    [
        "INFO: task gizmod:100 blocked for more than 120 seconds.",
        "      Not tainted 6.1.0 #1",
        "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
        "task:gizmod          state:D stack:0     pid:100   ppid:2      flags:0x00000000",
        .. Trace(HungChain, form),
    ];

    private static readonly (string Name, Func<string, IEnumerable<string>> Lines, string Title)[] Reports =
    [
        ("warning", form => Warning(WarningChain, form), "WARNING in gizmo_set"),
        ("oops", Oops, "BUG: unable to handle kernel NULL pointer dereference in gizmo_lookup"),
        ("hung", Hung, "INFO: task hung in gizmo_flush"),
    ];

    public static IEnumerable<object[]> Cases() =>
        from r in Reports from form in Forms from envelope in Envelopes select new object[] { r.Name, form, envelope };

    private static CrashReport First(IEnumerable<string> lines, string envelope)
    {
        var log = "gizmo: probing\n" + string.Concat(lines.Select(line => envelope + line + "\n")) + "login: \n";
        return Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_trace_with_no_opening_line_names_the_title(string name, string form, string envelope)
    {
        var (_, lines, title) = Reports.Single(r => r.Name == name);
        var report = First(lines(form), envelope);
        Assert.Equal(title, report.Title);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    /// <summary>A frame-pointer build prints `Backtrace: ` before the same entries: the title must not depend on it.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_frame_pointer_opening_line_changes_nothing(string name, string form, string envelope)
    {
        var (_, lines, title) = Reports.Single(r => r.Name == name);
        var all = lines(form).ToList();
        var first = all.FindIndex(line => line.Contains(" from ", StringComparison.Ordinal));
        all.Insert(first, "Backtrace: ");
        Assert.Equal(title, First(all, envelope).Title);
    }

    /// <summary>
    /// On a console capture (stamped lines) the convention's verdict stands; text without stamps reads as pasted, where
    /// the header's own function names the title (PastedReportTests).
    /// </summary>
    [Theory]
    [MemberData(nameof(FormsAndEnvelopes))]
    public void A_trace_of_reporting_frames_only_stays_in_corrupted(string form, string envelope)
    {
        var report = First(Warning(ReportingOnlyChain, form), envelope);
        var console = envelope.Contains("[  100.", StringComparison.Ordinal);
        Assert.Equal(console ? "WARNING in corrupted" : "WARNING in gizmo_set", report.Title);
        Assert.Equal(console, report.Corrupted);
    }

    public static IEnumerable<object[]> FormsAndEnvelopes() =>
        from form in Forms from envelope in Envelopes select new object[] { form, envelope };

    /// <summary>The short form's caller is a candidate too, as the convention reads the verbose form's.</summary>
    [Theory]
    [MemberData(nameof(FormsAndEnvelopes))]
    public void The_last_caller_of_a_trace_is_read(string form, string envelope)
    {
        var report = First(Warning(WarningChain[..6], form), envelope);
        Assert.Equal("WARNING in gizmo_set", report.Title);
    }
}
