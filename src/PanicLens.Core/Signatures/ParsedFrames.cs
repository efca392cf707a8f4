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
    /// <summary>
    /// The frame for the title, or null when the parser found no function either. When every function the paste
    /// shows is one the skip table passes over (a trimmed quote keeping only a header in a lock or copy helper), the
    /// first of them names the title: the reader sees that function, and `in corrupted` would name none (issue 10 §2).
    /// </summary>
    public static string? Choose(CrashReport report, StackSpec? spec)
    {
        var skip = spec?.SkipMatcher ?? FrameSkips.Global;
        var candidates = new List<string>();
        string? firstShown = null;
        if (StackLines.TitleName(report.Function) is { } function)
            Add(function);
        foreach (var stack in report.Stacks)
            foreach (var frame in stack.Frames)
                if (frame.Reliable && StackLines.TitleName(frame.Function) is { } name)
                    Add(name);
        var extractor = spec?.Extractor ?? StackExtractor.First;
        var (picked, _) = FrameExtraction.Choose(candidates, extractor);
        if (picked is null && extractor != StackExtractor.First)
            (picked, _) = FrameExtraction.Choose(candidates, StackExtractor.First);
        return picked ?? firstShown;

        void Add(string name)
        {
            firstShown ??= Demangler.Demangle(name);
            FrameExtraction.AddName(name, skip, candidates);
        }
    }
}
