using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>
/// Whether a titled report can be trusted, when its format did not already say. A raw title holding a
/// `[ 12.345]` stamp was interleaved with other output; every kind of stack section the report opens must
/// show frames within the next lines; a report with no stack at all is cut short.
/// </summary>
public static partial class CorruptionCheck
{
    private const int FrameWindow = 15;
    /// <summary>The RISC-V register line opens a section but is not followed by frames.</summary>
    private const int RiscvStart = 6;

    private const string CutShort = "call trace is cut short";
    private const string NoFrames = "no frames in a stack trace";
    private const string NoStack = "no stack trace in report";

    /// <summary>True for the reasons that only say the trace is missing or short (not that the text is garbled).</summary>
    public static bool IsMissingStack(string reason) => reason is CutShort or NoFrames or NoStack;

    /// <summary>The reason the report is corrupted, or null.</summary>
    public static string? Check(string rawTitle, ReportBody body, bool noStack)
    {
        if (Timestamp().IsMatch(rawTitle))
            return "title holds a console timestamp: output of several CPUs is interleaved";
        if (noStack)
            return null;
        var starts = FirstStarts(body);
        var framed = false;
        for (var kind = 0; kind < starts.Length; kind++)
        {
            var at = starts[kind];
            if (at < 0)
                continue;
            // The convention counts the pieces of the text split on newlines, and the text ends in one.
            if (body.Lines.Count - at < 3)
                return CutShort;
            if (kind != RiscvStart && !HasFrameBelow(body, at))
                return NoFrames;
            framed = true;
        }
        return framed || HasOpenedTrace(body) ? null : NoStack;
    }

    /// <summary>
    /// An arm32 backtrace printed by the unwinder or an i386 dump_stack(), which open with their first frame rather than a
    /// line of their own (<see cref="StackPart.OpensAtArmFrame"/>, <see cref="StackPart.OpensAtI386Frame"/>).
    /// </summary>
    private static bool HasOpenedTrace(ReportBody body)
    {
        for (var i = 1; i < body.Lines.Count; i++)
            if (StackLines.IsArmFrame(body.Lines[i]) || StackLines.IsI386Frame(body.Lines[i]))
                return true;
        return false;
    }

    /// <summary>For each kind of stack-start line, the index of its first occurrence, or -1.</summary>
    private static int[] FirstStarts(ReportBody body)
    {
        var patterns = FramePatterns.StackStartRegexes;
        var first = new int[patterns.Length];
        Array.Fill(first, -1);
        for (var i = 0; i < body.Lines.Count; i++)
        {
            if ((body.Marks[i] & StackLineMarks.StackStart) == 0)
                continue;
            var line = body.Lines[i];
            for (var kind = 0; kind < patterns.Length; kind++)
                if (first[kind] < 0 && StartLeads[kind].MayMatch(line) && patterns[kind].IsMatch(line))
                    first[kind] = i;
        }
        return first;
    }

    /// <summary>Each stack-start pattern's leading literals (or none), checked before its regex runs.</summary>
    private static readonly LeadingFilter[] StartLeads = Array.ConvertAll(FramePatterns.StackStarts, pattern => new LeadingFilter(pattern));

    private static bool HasFrameBelow(ReportBody body, int start)
    {
        var end = Math.Min(body.Lines.Count, start + 1 + FrameWindow);
        for (var i = start + 1; i < end; i++)
        {
            var line = body.Lines[i];
            if (body.IsStackStart(i))
                return false;
            if (line.Contains("(stack is not available)", StringComparison.Ordinal) || StackLines.IsFrame(line))
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"\[ *[0-9]+\.[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
