using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>A report being filled, with what the parse learns on the way but does not publish as such.</summary>
internal sealed class ReportDraft(CrashReport report)
{
    public CrashReport Report { get; } = report;
    public string? Arch { get; set; }
    /// <summary>The function a header names: `WARNING: ... at file:line FUNC`, `BUG: KASAN: ... in FUNC`.</summary>
    public Frame? HeaderFrame { get; set; }
    /// <summary>A WARNING header whose function was wrapped onto the next line.</summary>
    public bool HeaderFrameOnNextLine { get; set; }

    /// <summary>The first lockdep `..., at: f+0x1/0x2` site outside the lock primitives: where the task takes the lock.</summary>
    public Frame? LockSite { get; set; }

    /// <summary>
    /// The link register's symbol (`LR is at f`, `lr : f`, ` ra : f`, `LR [..] f`): the return address a branch-and-link
    /// left in the caller. It names the function only when the instruction pointer names none.
    /// </summary>
    public Frame? LinkFrame { get; set; }

    /// <summary>The line before ended `... lock (&amp;x) at:`: lockdep prints the site on the next line.</summary>
    public bool LockSiteOnNextLine { get; set; }
    /// <summary>A `Linux version` banner inside the region: weaker than the release on a task line.</summary>
    public string? BannerKernel { get; set; }

    /// <summary>
    /// The comm came from the 6.17 WARNING header's trailing `CPU#N: comm/pid`. That line holds a symbol, and
    /// scripts/decode_stacktrace.sh takes its last word for one and strips a "segment" up to the first `:` from it
    /// (parse_symbol, meant for `0010:f+0x1/0x2`), so `kworker/u8:2/42` comes out `2/42`. dump_stack_print_info's
    /// `Comm:` field names the same task (current) on a line without a symbol, which the script passes through.
    /// </summary>
    private bool commFromSymbolLine;

    /// <summary>
    /// The next task a line names is the starved RCU grace-period kthread's or the CPU's it last ran on
    /// (kernel/rcu/tree_stall.h rcu_check_gp_kthread_starvation: `%s kthread starved for %ld jiffies!`, then
    /// sched_show_task(gpk); since 5.10 `Stack dump where RCU GP kthread last ran:`, then dump_cpu_task(cpu)). A
    /// self-detected stall prints them before the stalled CPU's own backtrace: they name the report's task only when no
    /// other line does.
    /// </summary>
    public int SecondaryTasksAhead { get; set; }

    /// <summary>The first task a secondary dump named (<see cref="SecondaryTasksAhead"/>).</summary>
    public ProcessInfo? SecondaryProcess { get; private set; }

    public void SetProcess(string comm, string? pid)
    {
        if (Report.Process is not null || comm.Length == 0)
            return;
        var process = new ProcessInfo(comm, int.TryParse(pid, out var n) ? n : null);
        if (SecondaryTasksAhead > 0)
        {
            SecondaryTasksAhead--;
            SecondaryProcess ??= process;
            return;
        }
        Report.Process = process;
    }

    /// <summary>A comm read off the last word of a line that holds a symbol (see <see cref="commFromSymbolLine"/>).</summary>
    public void SetProcessFromSymbolLine(string comm, string? pid)
    {
        var unset = Report.Process is null;
        SetProcess(comm, pid);
        commFromSymbolLine = unset && Report.Process is not null;
    }

    /// <summary>dump_stack's `CPU: N PID: N Comm: X` line: it corrects a comm a symbol line gave for the same pid.</summary>
    public void SetProcessFromTaskLine(string comm, string? pid)
    {
        if (commFromSymbolLine && Report.Process is { } process && comm.Length > 0
            && int.TryParse(pid, out var n) && process.Pid == n)
            Report.Process = process with { Comm = comm };
        commFromSymbolLine = false;
        SetProcess(comm, pid);
    }

    public void SetCpu(string? cpu)
    {
        if (Report.Cpu is null && int.TryParse(cpu, out var n))
            Report.Cpu = n;
    }

    public void SetFaultAddress(string? address)
    {
        if (Report.FaultAddress is null && !string.IsNullOrEmpty(address))
            Report.FaultAddress = address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? address[2..] : address;
    }

    /// <summary>Applies a task line's tail (`Not tainted 4.8.0 #33`, `Tainted: P W 2.6.32.36-xen #1 board`).</summary>
    public void SetTaint(TaintLine line, bool boardFollows)
    {
        if (!line.Found)
            return;
        if (!TaintSeen)
        {
            TaintSeen = true;
            Report.Taint = line.Taint;
        }
        Report.Kernel ??= line.Kernel;
        if (boardFollows && line.Rest is not null)
            Report.Hardware ??= line.Rest;
    }

    private bool TaintSeen { get; set; }
}
