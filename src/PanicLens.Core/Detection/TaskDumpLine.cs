using System.Text.RegularExpressions;

namespace PanicLens.Detection;

/// <summary>
/// The first line of one task's dump, as kernel/sched/core.c sched_show_task() prints it for the hung-task detector,
/// sysrq-w (blocked tasks) and sysrq-t (every task):
/// <list type="bullet">
/// <item>since 5.10: `task:%-15.15s state:%c stack:%-5lu pid:%-5d ppid:%-6d flags:0x%08lx`;</item>
/// <item>3.x to 5.9: `%-15.15s %c` then `%5lu %5d %6d 0x%08lx` (free stack, pid, ppid, thread flags);</item>
/// <item>2.6: `%-13.13s %c`, then the saved pc (` %016lx `, ` %08lx ` on 32-bit) or `  running task    `, then the
/// same four numbers.</item>
/// </list>
/// The state letter says which dump it is: only `D` (TASK_UNINTERRUPTIBLE) tasks are printed for a hang; a dump that
/// also lists `R`/`S`/`I` tasks is a state listing someone asked for.
/// </summary>
public static partial class TaskDumpLine
{
    /// <summary>The task's state letter when <paramref name="text"/> is a task dump's first line, or '\0'.</summary>
    public static char State(string text)
    {
        // Cheap gates first: this runs on lines outside reports. The old forms end in the flags word, the new one
        // starts with `task:`.
        if (text.AsSpan().TrimStart().StartsWith("task:", StringComparison.Ordinal))
            return Current().Match(text) is { Success: true } m ? m.Groups["state"].ValueSpan[0] : '\0';
        var trimmed = text.AsSpan().TrimEnd();
        if (trimmed.Length < 24 || trimmed[^10] != '0' || trimmed[^9] != 'x')
            return '\0';
        return Old().Match(text) is { Success: true } old ? old.Groups["state"].ValueSpan[0] : '\0';
    }

    /// <summary>A blocked (D state) task's dump line: what hung-task reports and sysrq-w print.</summary>
    public static bool IsBlocked(string text) => State(text) == 'D';

    [GeneratedRegex(@"^[ \t]{0,16}task:(?<comm>[^\t]{1,15}?) {1,16}state:(?<state>[A-Za-z]) .{0,64}? pid: {0,8}(?<pid>\d{1,10}) ", RegexOptions.CultureInvariant)]
    public static partial Regex Current();

    [GeneratedRegex(@"^[ \t]{0,16}(?<comm>[^ \t][^\t]{0,14}?) {1,16}(?<state>[RSDTtXZPIKNW])(?: {1,2}[0-9a-f]{8}(?:[0-9a-f]{8})? | {1,2}running(?: task)? {1,8})? {0,12}\d{1,12} {1,8}(?<pid>\d{1,10}) {1,8}\d{1,10} 0x[0-9a-f]{8}[ \t]*$", RegexOptions.CultureInvariant)]
    public static partial Regex Old();
}
