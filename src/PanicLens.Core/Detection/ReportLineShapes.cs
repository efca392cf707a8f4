namespace PanicLens.Detection;

/// <summary>
/// Starts of lines that kernels print inside a crash report without indentation. A region ends after a run
/// of lines that are none of these (see <see cref="CrashDetector.MaxGapLines"/>); indented lines, frames
/// (`+0x`, `[&lt;`) and register lines (`RAX:`, `x29:`) always count as report lines.
/// </summary>
public static class ReportLineShapes
{
    public static readonly string[] Starts =
    [
        "CPU:", "CPU ", "Hardware name:", "Modules linked in", "Tainted:", "Workqueue:", "Pid:", "Process ", "task:",
        "Call Trace", "Call trace", "Backtrace", "Stack:", "Code:", "Kernel Offset", "Kernel panic", "Rebooting",
        "---[", "===", "---", "<", "(", "#", "->", "*", "[", "Memory state", "Read of", "Write of", "Allocated",
        "Freed", "The buggy", "page:", "page ", "flags:", "raw:", "addr ", "Last ", "irq event stamp", "hardirqs",
        "softirqs", "other info", "Possible", "lock(", "stack backtrace", "rcu:", "rcu_", "NMI backtrace",
        "Sending NMI", "Showing", "Mem-Info", "Node ", "Instruction dump", "Exception stack", "Uninit",
        "Local variable", "Unreliable", "Dumping ftrace", "IP:", "PGD", "pc :", "lr :", "sp :", "pstate",
        "Internal error", "Oops", "Oops:", "Fixing recursive fault", "note:", "Disabling lock debugging",
        "Object ", "Redzone", "Padding", "FIX ", "INFO:", "BUG", "WARNING", "Shutting down", "Dumping",
        "Free swap", "Total swap", "active_anon", "lowmem_reserve", "Mem abort", "Data abort", "ESR", "EC =",
        "SET =", "FSC =", "CM =", "WnR", "user pgtable", "swapper pgtable", "[Hardware Error]", "mce:",
    ];

    /// <summary>True when a line looks like part of a crash report rather than ordinary console output.</summary>
    public static bool IsReportLine(string text)
    {
        if (text.Length == 0)
            return false;
        if (text[0] is ' ' or '\t')
            return true;
        if (text.Contains("+0x", StringComparison.Ordinal) || text.Contains("[<", StringComparison.Ordinal))
            return true;
        if (LooksLikeRegister(text))
            return true;
        foreach (var start in Starts)
            if (text.StartsWith(start, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>`RAX: 0000`, `R13: ...`, `x29: ...`, `EIP: 0060:[&lt;c1&gt;]`: a short register name and a colon.</summary>
    private static bool LooksLikeRegister(string text)
    {
        var colon = text.IndexOf(':');
        if (colon is < 2 or > 4)
            return false;
        for (var i = 0; i < colon; i++)
            if (!char.IsAsciiLetterUpper(text[i]) && !char.IsAsciiDigit(text[i]) && text[i] != 'x')
                return false;
        return true;
    }
}
