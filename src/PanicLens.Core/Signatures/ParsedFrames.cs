using PanicLens.Model;

namespace PanicLens.Signatures;

/// <summary>
/// The guilty frame read from what the parser found (its faulting function, then every reliable frame of every
/// trace section, in order), under the convention's rules: the format's skip table and extractor. Used where the
/// convention's own reading of the report text finds nothing on a report a person pasted (<see cref="ConsoleForm"/>),
/// so that one reader of frames (Parsing/FrameParser) names the title whatever capture style the text is in.
/// </summary>
public static class ParsedFrames
{
    /// <summary>The frame for the title, or null when the parser found no function either.</summary>
    public static string? Choose(CrashReport report, StackSpec? spec)
    {
        var skip = spec?.SkipMatcher ?? FrameSkips.Global;
        var candidates = new List<string>();
        if (StackLines.TitleName(report.Function) is { } function)
            FrameExtraction.AddName(function, skip, candidates);
        foreach (var stack in report.Stacks)
            foreach (var frame in stack.Frames)
                if (frame.Reliable && StackLines.TitleName(frame.Function) is { } name)
                    FrameExtraction.AddName(name, skip, candidates);
        var extractor = spec?.Extractor ?? StackExtractor.First;
        var (picked, _) = FrameExtraction.Choose(candidates, extractor);
        if (picked is null && extractor != StackExtractor.First)
            (picked, _) = FrameExtraction.Choose(candidates, StackExtractor.First);
        return picked;
    }
}
