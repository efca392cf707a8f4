using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>
/// Where a format's guilty frame comes from: <see cref="Parts"/> run in order over the report lines from the
/// header on; each <see cref="StackPartKind.Trace"/> section yields one frame (`{frame}`, `{frame2}`).
/// When they yield none, <see cref="AltParts"/> run from scratch. <see cref="Skip"/> adds to <see cref="FrameSkips"/>.
/// </summary>
public sealed record StackSpec(StackPart[] Parts)
{
    public StackPart[]? AltParts { get; init; }
    public string[] Skip { get; init; } = [];
    public StackExtractor Extractor { get; init; } = StackExtractor.First;

    private NameMatcher? skipMatcher;

    public NameMatcher SkipMatcher => skipMatcher ??= FrameSkips.Build(Skip);

    /// <summary>RIP line, then the call trace: faults where the faulting instruction names the culprit.</summary>
    public static StackSpec Rip(params string[] skip) => new([StackPart.Rip, StackPart.CallTrace, StackPart.Trace]) { Skip = skip };

    /// <summary>Frames after `Call Trace:`: reports printed from a helper (dump_stack) rather than a trap.</summary>
    public static StackSpec CallTrace(params string[] skip) => new([StackPart.CallTrace, StackPart.Trace]) { Skip = skip };

    /// <summary>
    /// WARNING: new kernels trap and print the culprit on the RIP line; old ones print it inside the call trace.
    /// </summary>
    public static StackSpec Warning(params string[] skip) => new([new StackPart(StackPartKind.Line, FramePatterns.WarningRipLine), StackPart.Trace])
    {
        AltParts = [StackPart.CallTrace, StackPart.Trace],
        Skip = skip,
    };

    /// <summary>
    /// The function on the report's instruction-pointer line (<paramref name="ipLine"/>), else the call trace's first
    /// frame: for headers the convention has no format for, where a lost register line is no reason to give up.
    /// </summary>
    public static StackSpec IpOrTrace(string ipLine, params string[] skip) => new([StackPart.Find(ipLine), StackPart.Trace])
    {
        AltParts = [StackPart.CallTrace, StackPart.Trace],
        Skip = skip,
    };

    /// <summary>The function named in the header (`... in FUNC`), then the call trace.</summary>
    public static StackSpec Header(string headerPattern, params string[] skip) =>
        new([StackPart.Find(headerPattern), StackPart.CallTrace, StackPart.Trace]) { Skip = skip };
}
