using PanicLens.Model;

namespace PanicLens.Knowledge;

/// <summary>
/// Decides whether one known issue applies to one report and how strongly. Required conditions
/// (`match:`) must all hold; `boost:` conditions only add to the score. A kernel outside every affected
/// range excludes the issue; an unreadable kernel does not.
/// </summary>
public static class IssueMatcher
{
    // Scores: what pins a bug down (title, faulting function, message) weighs most; context (module,
    // comm, type) confirms; a kernel in the affected range makes it likelier. Boosts count half.
    private const int TitleWeight = 40;
    private const int FunctionWeight = 40;
    private const int TextWeight = 30;
    private const int PanicWeight = 20;
    private const int FrameWeight = 10;
    private const int MaxFrameScore = 30;
    private const int KernelWeight = 15;
    private const int ModuleWeight = 10;
    private const int CommWeight = 10;
    private const int TypeWeight = 5;
    private const int MaxLinesScanned = 5000;

    public static KnownIssueMatch? Match(KnownIssue issue, CrashReport report) => Match(issue, Facts(report));

    /// <summary>The report read once for matching many issues against it.</summary>
    internal static ReportFacts Facts(CrashReport report) => ReportFacts.Of(report, MaxLinesScanned);

    internal static KnownIssueMatch? Match(KnownIssue issue, ReportFacts facts)
    {
        var reasons = new List<string>();
        var score = Evaluate(issue.Match, facts, required: true, reasons, out var kernelInRange);
        if (score is null)
            return null;
        if (issue.Boost is not null)
            score += Evaluate(issue.Boost, facts, required: false, reasons, out _) ?? 0;
        return new KnownIssueMatch(issue, score.Value, reasons) { KernelInRange = kernelInRange };
    }

    /// <summary>The score the conditions earn, or null when a required one fails.</summary>
    private static int? Evaluate(IssueConditions c, ReportFacts facts, bool required, List<string> reasons, out bool kernelInRange)
    {
        kernelInRange = false;
        var score = 0;
        var divisor = required ? 1 : 2;
        var boost = required ? "" : " (strengthens)";
        bool Check(bool applies, bool holds, int weight, Func<string> reason)
        {
            if (!applies)
                return true;
            if (holds)
            {
                score += weight / divisor;
                reasons.Add(reason() + boost);
                return true;
            }
            return !required;
        }

        string? hit = null;
        if (!Check(c.Title is not null, c.Title is not null && (hit = facts.FirstTitle(c.Title)) is not null, TitleWeight, () => $"title matches /{c.Title}/: {hit}"))
            return null;
        if (!Check(c.Text is not null, c.Text is not null && (hit = facts.FirstLine(c.Text)) is not null, TextWeight, () => $"log line matches /{c.Text}/: {hit}"))
            return null;
        if (!Check(c.Panic is not null, c.Panic is not null && facts.Panic is not null && c.Panic.IsMatch(facts.Panic), PanicWeight, () => $"panic reason matches /{c.Panic}/"))
            return null;
        if (!Check(c.Functions.Count > 0, (hit = facts.GuiltyFunction(c.Functions)) is not null, FunctionWeight, () => $"faulting function {hit}"))
            return null;
        if (!Check(c.Modules.Count > 0, (hit = facts.GuiltyModule(c.Modules)) is not null, ModuleWeight, () => $"module [{hit}]"))
            return null;
        if (!Check(c.Comms.Count > 0, (hit = facts.MatchingComm(c.Comms)) is not null, CommWeight, () => $"process {hit}"))
            return null;
        if (!Check(c.Types.Count > 0, (hit = facts.MatchingType(c.Types)) is not null, TypeWeight, () => $"crash type {hit}"))
            return null;
        if (!Check(c.Frames.Count > 0, facts.HasAllFrames(c.Frames), Math.Min(MaxFrameScore, FrameWeight * c.Frames.Count), () => "call trace has " + string.Join(", ", c.Frames)))
            return null;
        if (c.Kernel.Count > 0)
        {
            var range = facts.KernelVersion is null ? null : c.Kernel.FirstOrDefault(r => r.Contains(facts.KernelVersion));
            if (facts.KernelVersion is null)
                reasons.Add(facts.Kernel is null ? "kernel version not in the log: affected range not checked" : $"kernel '{facts.Kernel}' not understood: affected range not checked");
            else if (range is not null)
            {
                kernelInRange = true;
                score += KernelWeight / divisor;
                reasons.Add($"kernel {facts.Kernel} is in the affected range {range}{boost}");
            }
            else if (required)
                return null;
        }
        return score;
    }
}
