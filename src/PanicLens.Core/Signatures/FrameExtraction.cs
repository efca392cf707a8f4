using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>
/// Runs a <see cref="StackSpec"/> over report lines. Line parts skip to their line and offer its captures
/// as candidates; trace parts read frame lines until a stack-start line (or the next part's line). Each
/// trace section's candidates, minus the skip list, give one frame through the spec's extractor.
/// </summary>
public static class FrameExtraction
{
    public const string CorruptedFrame = "corrupted";

    public static FrameChoice Extract(ReportBody body, StackSpec spec)
    {
        var choice = Run(body, spec.Parts, spec);
        if (choice.Ok || spec.AltParts is null)
            return choice;
        // The alternative layout is another era's or architecture's: a report whose first section named its frame is in
        // the main layout, and only a later section (a KMSAN origin lost to a mail's end or to a nested splat) failed.
        return choice.Frames[0] != CorruptedFrame ? choice : Run(body, spec.AltParts, spec);
    }

    private static FrameChoice Run(ReportBody body, StackPart[] parts, StackSpec spec)
    {
        var frames = new List<string>();
        var raw = new List<string?>();
        var candidates = new List<string>();
        var ok = true;
        var traces = 0;
        var pos = 0;
        for (var partIndex = 0; ; partIndex++)
        {
            if (partIndex == parts.Length || (parts[partIndex].Kind == StackPartKind.Trace && traces > 0))
            {
                var (frame, rawFrame) = Choose(candidates, spec.Extractor);
                if (frame is null)
                    ok = false;
                frames.Add(frame ?? CorruptedFrame);
                raw.Add(rawFrame);
                candidates.Clear();
            }
            if (partIndex == parts.Length)
                break;
            var part = parts[partIndex];
            if (part.Kind == StackPartKind.Trace)
            {
                traces++;
                var next = partIndex + 1 < parts.Length ? parts[partIndex + 1] : null;
                var (newPos, consumedNext, clean) = ReadTrace(body, pos, next, spec.SkipMatcher, candidates, spec.Extractor == StackExtractor.First);
                pos = newPos;
                ok &= clean;
                if (consumedNext)
                    partIndex++;
            }
            else
            {
                (pos, var clean) = FindLine(body, pos, part, spec.SkipMatcher, candidates);
                ok &= clean;
            }
        }
        return new FrameChoice(frames, raw, ok);
    }

    private static (int Pos, bool Clean) FindLine(ReportBody body, int pos, StackPart part, NameMatcher skip, List<string> candidates)
    {
        var lines = body.Lines;
        while (pos < lines.Count)
        {
            var line = lines[pos++];
            if (body.IsCorruptedLine(pos - 1))
                return (pos, false);
            if ((part.OpensAtArmFrame && StackLines.IsArmFrame(line)) || (part.OpensAtI386Frame && StackLines.IsI386Frame(line) && !body.HasStackStart))
                return (pos - 1, true);
            if (!part.MayMatch(line))
                continue;
            var match = part.Regex!.Match(line);
            if (!match.Success)
                continue;
            AddCaptures(match, skip, candidates);
            break;
        }
        return (pos, true);
    }

    /// <summary>
    /// Reads a trace section up to its end. With <paramref name="firstOnly"/> (the extractor takes the first
    /// candidate) frames after a candidate are no longer read: only the section's end and fault-injection lines matter.
    /// </summary>
    private static (int Pos, bool ConsumedNext, bool Clean) ReadTrace(
        ReportBody body, int pos, StackPart? next, NameMatcher skip, List<string> candidates, bool firstOnly)
    {
        var lines = body.Lines;
        var names = new List<string>(2);
        while (pos < lines.Count)
        {
            var line = lines[pos++];
            if (body.IsCorruptedLine(pos - 1))
                return (pos, false, false);
            if (body.IsStackStart(pos - 1))
                return (pos, false, true);
            if (next?.Regex is { } nextPattern && next.MayMatch(line) && nextPattern.Match(line) is { Success: true } nextMatch)
            {
                AddCaptures(nextMatch, skip, candidates);
                return (pos, true, true);
            }
            if (firstOnly && candidates.Count > 0)
                continue;
            names.Clear();
            StackLines.ReadFrames(line, names);
            foreach (var name in names)
                AddName(name, skip, candidates);
        }
        return (pos, false, true);
    }

    private static void AddCaptures(Match match, NameMatcher skip, List<string> candidates)
    {
        for (var g = 1; g < match.Groups.Count; g++)
        {
            var group = match.Groups[g];
            if (group.Success && group.Length > 0 && int.TryParse(group.Name, out _))
                AddName(group.Value, skip, candidates);
        }
    }

    internal static void AddName(string raw, NameMatcher skip, List<string> candidates)
    {
        var name = Demangler.Demangle(raw);
        if (!skip.IsMatch(name))
            candidates.Add(name);
    }

    internal static (string? Frame, string? Raw) Choose(List<string> candidates, StackExtractor extractor)
    {
        if (candidates.Count == 0)
            return (null, null);
        var (picked, literal) = extractor switch
        {
            StackExtractor.Stall => Stall(candidates),
            StackExtractor.HungTask => HungTask(candidates),
            _ => (candidates[0], null),
        };
        if (picked is null)
            return (null, null);
        return (literal ?? SyscallPrefixes.Strip(picked), picked);
    }

    /// <summary>The candidate picked, and the literal the title uses instead of it (or null).</summary>
    private static (string? Frame, string? Literal) Stall(List<string> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (!StallAnchors.Matcher.IsMatch(SyscallPrefixes.Strip(frames[i])))
                continue;
            if (frames[i].Contains("smp_call_function", StringComparison.Ordinal))
                return (frames[i], "smp_call_function");
            return (i == 0 ? frames[0] : frames[i - 1], null);
        }
        return (null, null);
    }

    private static (string? Frame, string? Literal) HungTask(List<string> frames)
    {
        foreach (var frame in frames)
            foreach (var (contains, title, _) in HungTaskFrames.Serialisers)
                if (frame.Contains(contains, StringComparison.Ordinal))
                    return (frame, title);
        foreach (var frame in frames)
        {
            var waiting = false;
            foreach (var word in HungTaskFrames.Waiting)
                waiting |= frame.Contains(word, StringComparison.Ordinal);
            if (!waiting)
                return (frame, null);
        }
        return (null, null);
    }
}
