using PanicLens.Model;

namespace PanicLens.Mining.Checking;

/// <summary>
/// Finds crashes the text holds but no report covers. A crash in the text is a header line (<see cref="EvidenceKind.Header"/>)
/// followed within <see cref="FollowLines"/> lines by at least <see cref="MinFrames"/> reliable symbolised frames; it is
/// missed when no report's region holds the header or any of those frames.
/// </summary>
public sealed class MissedCrashFinder(ICollection<Failure> failures)
{
    public const int FollowLines = 30;
    public const int MinFrames = 2;

    public void Find(string file, EvidenceIndex evidence, IReadOnlyList<CrashReport> reports, FigureSet figures)
    {
        bool crashText = false, missed = false;
        var lastMissed = int.MinValue;
        foreach (var header in evidence.All)
        {
            if (header.Kind != EvidenceKind.Header)
                continue;
            var frames = evidence.Between(header.Line + 1, header.Line + FollowLines)
                .FindAll(e => e.Kind == EvidenceKind.Frame && !e.Unreliable);
            if (frames.Count < MinFrames)
                continue;
            crashText = true;
            if (Covered(header.Line, reports) || frames.Exists(f => Covered(f.Line, reports)))
                continue;
            missed = true;
            if (header.Line <= lastMissed + FollowLines)
                continue; // the same crash's second header (a WARNING's `BUG:` line, lockdep's banner)
            lastMissed = header.Line;
            failures.Add(new Failure(file, header.Line, CheckRules.NotDetected, CauseNamer.Header(header),
                header.Text.Length > 300 ? header.Text[..300] : header.Text) { Detail = CauseNamer.Shape(header) });
        }
        if (crashText)
            figures.Count(f => f.MailsWithCrashText++);
        if (missed)
            figures.Count(f => f.MailsWithMissedCrash++);
    }

    private static bool Covered(int line, IReadOnlyList<CrashReport> reports)
    {
        foreach (var report in reports)
            if (line >= report.StartLine && line <= report.EndLine)
                return true;
        return false;
    }
}
