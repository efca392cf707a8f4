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

    /// <summary>
    /// The frame for the title from a trace whose every frame is marked `?`, or null. x86's dumpstack marks an address
    /// reliable only where the frame-pointer chain vouches for it (arch/x86/kernel/dumpstack.c print_context_stack,
    /// 2.6.28-4.8: `stack == bp + sizeof(long)`, else `ops-&gt;address(data, addr, 0)`, printed `? `); a kernel built
    /// without CONFIG_FRAME_POINTER has no chain, so every frame is `?` and the mark says nothing about any one of them:
    /// the trace is a scan of the stack's return addresses, newest first, and a reader reads it so. Only frames printed
    /// with their `[&lt;address&gt;]` column count: x86 dropped the column in 4.15 (its ORC unwinder came in 4.14), and
    /// there a trace all of `?` is one the unwinder could not follow (a stack overflow, a corrupted stack). The report's own
    /// function (IP or header) comes first when the skip table keeps it; else the scan from just past it (from the top
    /// when it is not on the stack) gives the first kept frame. `func+0x0` is skipped: a return address is never a
    /// function's first byte (it follows a call), so that word is a function pointer left on the stack.
    /// </summary>
    public static string? ChooseFromUnmarkedTrace(CrashReport report, StackSpec? spec)
    {
        if (!HasOnlyUnmarkedFrames(report))
            return null;
        var scanned = new List<string>();
        foreach (var stack in report.Stacks)
            foreach (var frame in stack.Frames)
                if (!IsFunctionStart(frame) && StackLines.TitleName(frame.Function) is { } name)
                    scanned.Add(name);
        if (scanned.Count == 0)
            return null;
        var skip = spec?.SkipMatcher ?? FrameSkips.Global;
        var candidates = new List<string>();
        var own = StackLines.TitleName(report.Function);
        if (own is not null)
        {
            FrameExtraction.AddName(own, skip, candidates);
            var at = scanned.IndexOf(own);
            if (at >= 0)
                scanned.RemoveRange(0, at + 1);
        }
        foreach (var name in scanned)
            FrameExtraction.AddName(name, skip, candidates);
        var (picked, _) = FrameExtraction.Choose(candidates, spec?.Extractor ?? StackExtractor.First);
        return picked;
    }

    /// <summary>
    /// True when the report printed frames, every one `?` with its `[&lt;address&gt;]` column: the trace of a kernel without
    /// frame pointers (<see cref="ChooseFromUnmarkedTrace"/>), whole although the convention's body drops each line of it.
    /// </summary>
    public static bool HasOnlyUnmarkedFrames(CrashReport report)
    {
        var any = false;
        foreach (var stack in report.Stacks)
            foreach (var frame in stack.Frames)
            {
                if (frame.Reliable || !frame.HasAddress)
                    return false;
                any = true;
            }
        return any;
    }

    private static bool IsFunctionStart(Frame frame) => frame.Offset is { Length: > 0 } offset && offset.AsSpan().Trim('0').Length == 0;
}
