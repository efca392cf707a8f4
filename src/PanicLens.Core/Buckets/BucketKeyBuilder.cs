using System.Text;
using PanicLens.Model;

namespace PanicLens.Buckets;

/// <summary>
/// Computes a report's <see cref="BucketKeys"/> (version <see cref="BucketKeys.Version"/>):
/// <list type="bullet">
/// <item>`exact`: crash type, then the guilty frame and up to <see cref="ExactFrames"/> reliable frames after it with
/// offsets, sizes and modules: the same bug in the same build.</item>
/// <item>`stack`: crash type, then the guilty frame and up to <see cref="StackFrames"/> reliable frames by normalised
/// name (<see cref="FrameNames"/>) and module: survives rebuilds and compiler clones. The bucket.</item>
/// <item>`title`: the syzbot-convention title.</item>
/// <item>`domain`: the first alternative title (`bad-access in F`: a use-after-free, a GPF and a paging fault in one
/// function meet), else the title; when the guilty function is a helper of <see cref="BucketStoplist"/>, its first
/// caller that is not is added.</item>
/// </list>
/// A report with no frames keys on its title for `exact` and `stack`.
/// </summary>
public static class BucketKeyBuilder
{
    public const int ExactFrames = 8;
    public const int StackFrames = 5;

    public static BucketKeys Build(CrashReport report)
    {
        var frames = OwnFrames(report);
        var type = report.Type.Length > 0 ? report.Type : report.Kind;
        var title = report.Title.Length > 0 ? report.Title : report.Message;
        return new BucketKeys(
            Exact: frames.Count == 0 ? Key("exact", type, title) : Key("exact", type, Join(frames, ExactFrames, exact: true)),
            Stack: frames.Count == 0 ? Key("stack", type, title) : Key("stack", type, Join(frames, StackFrames, exact: false)),
            Title: Key("title", null, title),
            Domain: Key("domain", null, Domain(report, title, frames)));
    }

    private static string Key(string name, string? type, string material) =>
        type is null ? $"{name}/{BucketKeys.Version}:{material}" : $"{name}/{BucketKeys.Version}:{type}:{material}";

    /// <summary>
    /// The crash site and its callers: the instruction pointer's frame when the trace does not start with it, then the
    /// reliable frames of the report's own trace from the guilty frame on (the frames before it only report the crash).
    /// </summary>
    internal static List<Frame> OwnFrames(CrashReport report)
    {
        var trace = PrimaryFrames(report);
        var guilty = report.GuiltyFrame is { } g ? FrameNames.Normalize(g) : null;
        var start = 0;
        if (guilty is not null)
            for (var i = 0; i < trace.Count; i++)
                if (trace[i].Reliable && FrameNames.Normalize(trace[i].Function) == guilty)
                {
                    start = i;
                    break;
                }
        var frames = new List<Frame>();
        if (report.Ip is { } ip && ip.Function.Length > 0 && (guilty is null || FrameNames.Normalize(ip.Function) == guilty)
            && (start >= trace.Count || FrameNames.Normalize(trace[start].Function) != FrameNames.Normalize(ip.Function)))
            frames.Add(ip);
        for (var i = start; i < trace.Count && frames.Count < ExactFrames; i++)
            if (trace[i].Reliable && trace[i].Function.Length > 0)
                frames.Add(trace[i]);
        return frames;
    }

    private static IReadOnlyList<Frame> PrimaryFrames(CrashReport report)
    {
        foreach (var stack in report.Stacks)
            if (stack.Kind == StackKind.Task)
                return stack.Frames;
        return report.Stacks.Count > 0 ? report.Stacks[0].Frames : [];
    }

    private static string Join(List<Frame> frames, int count, bool exact)
    {
        var text = new StringBuilder();
        for (var i = 0; i < frames.Count && i < count; i++)
        {
            var frame = frames[i];
            if (i > 0)
                text.Append(" < ");
            text.Append(exact ? frame.Function : FrameNames.Normalize(frame.Function));
            if (exact && frame.Offset is not null)
                text.Append("+0x").Append(frame.Offset).Append("/0x").Append(frame.Size);
            if (frame.Module is not null)
                text.Append(" [").Append(frame.Module).Append(']');
        }
        return text.ToString();
    }

    private static string Domain(CrashReport report, string title, List<Frame> frames)
    {
        var domain = report.AltTitles.Count > 0 ? report.AltTitles[0] : title;
        var guilty = report.GuiltyFrame is { } g ? FrameNames.Normalize(g) : frames.Count > 0 ? FrameNames.Normalize(frames[0].Function) : null;
        if (guilty is null || !BucketStoplist.Contains(guilty))
            return domain;
        foreach (var frame in frames)
        {
            var name = FrameNames.Normalize(frame.Function);
            if (!BucketStoplist.Contains(name))
                return $"{domain} < {name}";
        }
        return domain;
    }
}
