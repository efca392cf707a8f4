using PanicLens.Model;

namespace PanicLens.Core.Tests.Corpus;

/// <summary>
/// Until `PanicLens.Detection.CrashDetector` is on main: the first line that starts like a crash header opens the
/// region, which runs to the end of the log. Test scaffolding only; detection is not the parser's job.
/// </summary>
internal static class StandInRegions
{
    private static readonly string[] Headers =
    [
        "BUG: ", "BUG ", "WARNING: ", "INFO: task ", "Oops", "general protection fault", "Kernel panic - not syncing",
        "Unable to handle kernel", "NMI backtrace for cpu", "Xen BUG", "kernel BUG at", "watchdog: BUG", "rcu: INFO:",
        "------------[ cut here", "------------[cut here", "==================", "CPU 0: Machine Check Exception", "mce: [Hardware Error]",
    ];

    public static (int Start, int End)? First(IReadOnlyList<LogLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Origin is not null && line.Origin != "kernel")
                continue;
            var text = line.Text.TrimStart();
            if (text.StartsWith("(XEN) ", StringComparison.Ordinal))
                text = text[6..];
            foreach (var header in Headers)
                if (text.StartsWith(header, StringComparison.Ordinal) || text.Contains(": page allocation failure", StringComparison.Ordinal)
                    || text.Contains("[Hardware Error]: CPU", StringComparison.Ordinal))
                    return (line.Number, lines[^1].Number);
        }
        return null;
    }
}
