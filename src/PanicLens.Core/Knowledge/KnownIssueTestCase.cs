using PanicLens.Model;

namespace PanicLens.Knowledge;

/// <summary>
/// A crash report described by the fields the matcher reads. <see cref="ToReport"/> builds the report, so an
/// entry's examples run through the same <see cref="KnowledgeBase.Match"/> as real logs.
/// </summary>
public sealed record KnownIssueTestCase
{
    public string? Title { get; init; }
    public string? Type { get; init; }
    public string? Function { get; init; }
    public string? Module { get; init; }
    public string? Comm { get; init; }
    public string? Kernel { get; init; }
    public string? Panic { get; init; }
    public IReadOnlyList<string> Frames { get; init; } = [];
    public IReadOnlyList<string> Lines { get; init; } = [];
    /// <summary>For a near miss: what differs from a real occurrence.</summary>
    public string? Why { get; init; }
    public int Line { get; init; }

    public CrashReport ToReport(string source)
    {
        var lines = new List<LogLine>(Lines.Count);
        for (var i = 0; i < Lines.Count; i++)
            lines.Add(new LogLine(i + 1, Lines[i], null, null));
        var report = new CrashReport { Source = source, StartLine = 1, EndLine = Math.Max(1, lines.Count), Lines = lines };
        report.Title = Title ?? "";
        report.Type = Type ?? "";
        report.Function = Function;
        report.GuiltyFrame = Function;
        report.Module = Module;
        report.Kernel = Kernel;
        report.Panic = Panic;
        if (Comm is not null)
            report.Process = new ProcessInfo(Comm, null);
        if (Frames.Count > 0)
        {
            var frames = new List<Frame>(Frames.Count);
            foreach (var name in Frames)
                frames.Add(new Frame(name, null, null, null, Reliable: true));
            report.Stacks.Add(new CallTrace(StackKind.Task, frames));
        }
        return report;
    }
}
