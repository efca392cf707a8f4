using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// A report's call traces as an engineer reads them: reliable frames only (`?` frames are stale stack words, counted
/// not shown), and a trace the panic path prints again (panic → oops_end → ... → page_fault, then the task's trace
/// once more) cut where the repeat starts.
/// </summary>
/// <param name="Stack">The trace as parsed.</param>
/// <param name="Shown">Its reliable frames up to the repeat, at most <see cref="MaxShown"/>.</param>
/// <param name="Folded">`?` frames among the frames up to the repeat.</param>
/// <param name="More">Reliable frames past <see cref="MaxShown"/>, not shown.</param>
/// <param name="RepeatOf">The earlier trace whose frames follow <paramref name="Shown"/>, or null.</param>
public sealed record CondensedTrace(CallTrace Stack, IReadOnlyList<Frame> Shown, int Folded, int More, CallTrace? RepeatOf)
{
    public const int MaxShown = 30;

    /// <summary>Fewest frames in common that make a later trace a repeat of an earlier one.</summary>
    private const int MinRepeat = 3;

    public static IReadOnlyList<CondensedTrace> Of(CrashReport report)
    {
        var result = new List<CondensedTrace>(report.Stacks.Count);
        var reliables = new List<List<Frame>>(report.Stacks.Count);
        foreach (var stack in report.Stacks)
        {
            var reliable = stack.Frames.Where(f => f.Reliable).ToList();
            var (cut, repeatOf) = Repeat(reliable, reliables, report.Stacks);
            reliables.Add(reliable);
            var kept = reliable.Take(cut).ToList();
            var folded = FoldedBefore(stack.Frames, cut);
            result.Add(new CondensedTrace(stack, kept.Take(MaxShown).ToList(), folded, Math.Max(0, kept.Count - MaxShown), repeatOf));
        }
        return result;
    }

    /// <summary>The index in <paramref name="frames"/> where an earlier trace starts again, and that trace; else all of it.</summary>
    private static (int Cut, CallTrace? RepeatOf) Repeat(List<Frame> frames, List<List<Frame>> earlier, IReadOnlyList<CallTrace> stacks)
    {
        for (var start = 0; start < frames.Count; start++)
        {
            for (var i = 0; i < earlier.Count; i++)
            {
                var common = Math.Min(earlier[i].Count, frames.Count - start);
                if (common >= Math.Min(MinRepeat, earlier[i].Count) && common > 0 && Same(frames, start, earlier[i], common))
                    return (start, stacks[i]);
            }
        }
        return (frames.Count, null);
    }

    private static bool Same(List<Frame> frames, int start, List<Frame> earlier, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (frames[start + k].Function != earlier[k].Function || frames[start + k].Offset != earlier[k].Offset)
                return false;
        }
        return true;
    }

    /// <summary>`?` frames before the <paramref name="reliableCount"/>-th reliable frame (all of them when it is the whole trace).</summary>
    private static int FoldedBefore(IReadOnlyList<Frame> frames, int reliableCount)
    {
        var seen = 0;
        var folded = 0;
        foreach (var frame in frames)
        {
            if (frame.Reliable)
            {
                if (++seen > reliableCount)
                    break;
                continue;
            }
            folded++;
        }
        return folded;
    }
}
