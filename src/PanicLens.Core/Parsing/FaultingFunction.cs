using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Picks the function an engineer names as the fault: the instruction pointer of an oops, the WARNING's function, the
/// first frame of a hung task past scheduler and lock plumbing, the caller of panic(). See <see cref="FaultRules"/>.
/// </summary>
internal static class FaultingFunction
{
    public static Frame? Pick(ReportDraft draft, FaultRule rule)
    {
        var report = draft.Report;
        return rule switch
        {
            FaultRule.Warning => draft.HeaderFrame ?? report.Ip ?? FirstFrame(report, SkippedFrames.Reporting),
            FaultRule.Header => draft.HeaderFrame ?? FirstFrame(report, SkippedFrames.Reporting),
            FaultRule.HungTask => FirstFrame(report, SkippedFrames.Waiting),
            FaultRule.Frames => FirstFrame(report, SkippedFrames.Reporting),
            _ => report.Ip ?? FirstFrame(report, SkippedFrames.Reporting),
        };
    }

    /// <summary>
    /// The first frame of the task stacks not in <paramref name="skipped"/> (nor in the reporting table), reliable
    /// frames first. When all are `?`, stale entries are passed over too: `f+0x0/0x..` is a function pointer and
    /// `f+0x60/0x60` a return address past a function's end, neither a call in progress.
    /// </summary>
    private static Frame? FirstFrame(CrashReport report, SkippedFrames.Row[] skipped)
    {
        return Scan(report, skipped, reliableOnly: true) ?? Scan(report, skipped, reliableOnly: false);
    }

    private static Frame? Scan(CrashReport report, SkippedFrames.Row[] skipped, bool reliableOnly)
    {
        foreach (var stack in report.Stacks)
        {
            if (stack.Kind is StackKind.Allocation or StackKind.Free or StackKind.Other)
                continue;
            foreach (var frame in stack.Frames)
            {
                if (reliableOnly ? !frame.Reliable : IsStale(frame))
                    continue;
                if (frame.Function.StartsWith("0x", StringComparison.Ordinal))
                    continue;
                var name = frame.Function.TrimStart('.');
                if (SkippedFrames.Contains(skipped, name) || SkippedFrames.Contains(SkippedFrames.Reporting, name))
                    continue;
                return frame;
            }
        }
        return null;
    }

    private static bool IsStale(Frame frame) =>
        frame.Offset is "0" || (frame.Offset is not null && frame.Offset == frame.Size);

    /// <summary>The name as engineers write it: Xen's file-qualified statics (`spinlock.c#check_lock`) lose the file.</summary>
    public static string Normalize(string function)
    {
        int hash = function.IndexOf('#');
        return hash >= 0 && hash + 1 < function.Length ? function[(hash + 1)..] : function;
    }
}
