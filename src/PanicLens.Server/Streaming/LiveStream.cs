using System.Buffers;
using PanicLens.Detection;
using PanicLens.Ingest;

namespace PanicLens.Server.Streaming;

/// <summary>
/// The streaming detector of one host's lines over one source. States: idle (the last
/// <see cref="LiveLimits.ContextLines"/> lines kept as context), collecting (a header was seen: every line is kept),
/// trailing (`---[ end trace` was seen: a panic line may still follow within <see cref="TrailingLines"/> lines or
/// <see cref="ServeOptions.TrailingQuiet"/>), panicked (`Kernel panic - not syncing` was seen: the kernel prints only the
/// panic's own dump after it, so <see cref="ServeOptions.TrailingQuiet"/> without a line ends the report). A report
/// completes at `---[ end Kernel panic`, at the end of trailing, after <see cref="ServeOptions.Quiet"/> (or
/// <see cref="ServeOptions.TrailingQuiet"/> once panicked) without a line, or at the cap; the chunk then goes through the same pipeline
/// as `analyze`, which decides what in it is a report. Not thread-safe: the collector locks it.
/// </summary>
internal sealed class LiveStream(string host, string source, LiveLimits limits)
{
    /// <summary>The detector's own window: a `Kernel panic` line this close after `---[ end trace` joins the report.</summary>
    private const int TrailingLines = 20;

    /// <summary>Header literals, and the trace hints of a report opened by a line's shape (a blocked task's dump, whose line is in the context).</summary>
    private static readonly SearchValues<string> HeaderLiterals =
        SearchValues.Create([.. CrashHeaders.All.Select(h => h.Literal).Concat(CrashHeaders.TraceHints).Distinct()], StringComparison.Ordinal);

    private const string BannerLiteral = "Linux version ";
    private const string KernelOrigin = "kernel";

    /// <summary>
    /// Lines the kernel prints on an orderly restart or a kexec (kernel/reboot.c, kernel/kexec_core.c): a new boot after
    /// one of them is no silent death.
    /// </summary>
    private static readonly SearchValues<string> OrderlyEnds = SearchValues.Create(
    [
        "reboot: Restarting system", "reboot: Power down", "reboot: System halted", "Restarting system.", "Power down.",
        "kexec_core: Starting new kernel", "Starting new kernel",
    ], StringComparison.Ordinal);

    private readonly Queue<string> context = new();
    private List<string>? report;
    private bool heard;
    private bool ended;
    private int trailing = -1;
    private bool panicked;
    private bool lossy;
    /// <summary>The boot the line being taken announced (handed out with <see cref="Add"/>'s chunk).</summary>
    private Storage.HostBoot? boot;

    public string Host { get; } = host;
    public string Source { get; } = source;
    public long LastLineTicks { get; private set; } = Environment.TickCount64;
    public bool Collecting => report is not null;
    public string? Kernel { get; private set; }

    /// <summary>
    /// Takes one line; returns the chunk when this line completed a report, or was a boot banner (the chunk then
    /// carries the boot, with no lines when it completed nothing else).
    /// </summary>
    public CompletedChunk? Add(string line)
    {
        var chunk = Take(line);
        if (boot is null)
            return chunk;
        var booted = boot;
        boot = null;
        return (chunk ?? new CompletedChunk(Host, Source, [], false, booted.Kernel)) with { Boot = booted };
    }

    private CompletedChunk? Take(string line)
    {
        LastLineTicks = Environment.TickCount64;
        if (line.Length > limits.MaxLineLength)
            line = line[..limits.MaxLineLength];
        if (report is null && line.Contains(BannerLiteral, StringComparison.Ordinal) && Banner(line) is { } release)
            return OnBoot(line, release);
        heard = true;
        if (!ended && report is null)
            ended = line.AsSpan().IndexOfAny(OrderlyEnds) >= 0;
        var header = IsHeader(line);
        if (report is null)
        {
            if (!header)
            {
                if (context.Count == limits.ContextLines)
                    context.Dequeue();
                context.Enqueue(line);
                return null;
            }
            report = [.. context];
            context.Clear();
        }
        report.Add(line);
        if (header)
            trailing = -1;
        if (line.Contains("---[ end Kernel panic", StringComparison.Ordinal))
            return Complete();
        // kernel/panic.c: after this line the other CPUs are stopped and only the panic's dump follows.
        if (line.Contains("Kernel panic - not syncing", StringComparison.Ordinal))
            panicked = true;
        if (line.Contains("---[ end trace", StringComparison.Ordinal))
            trailing = 0;
        else if (trailing >= 0 && ++trailing >= TrailingLines)
            return Complete();
        if (report.Count >= limits.MaxReportLines)
        {
            lossy = true;
            return Complete();
        }
        return null;
    }

    /// <summary>Lines were lost in transport (a sequence gap): whatever report is open or comes next is lossy.</summary>
    public void MarkLossy() => lossy = true;

    /// <summary>Completes the open report when its stream has been quiet long enough.</summary>
    public CompletedChunk? Tick(long nowTicks, TimeSpan quiet, TimeSpan trailingQuiet)
    {
        if (report is null)
            return null;
        var wait = trailing >= 0 || panicked ? trailingQuiet : quiet;
        return nowTicks - LastLineTicks >= (long)wait.TotalMilliseconds ? Complete() : null;
    }

    public CompletedChunk? Flush() => report is null ? null : Complete();

    /// <summary>
    /// A boot banner after lines of a previous boot, with neither a report nor an orderly end since that boot's banner:
    /// the host was reset without a word, and the event carries the lines before the banner. The first banner of a
    /// stream raises nothing (what came before it may be firmware and boot loader output, not a boot of ours). The
    /// banner then starts the new boot's context.
    /// </summary>
    private CompletedChunk? OnBoot(string banner, string release)
    {
        var reset = Kernel is not null && heard && !ended && context.Count > 0
            ? new CompletedChunk(Host, Source, [.. context], lossy, Kernel, SilentReset: true)
            : null;
        Kernel = release;
        context.Clear();
        context.Enqueue(banner);
        (heard, ended, lossy) = (false, false, false);
        return reset;
    }

    private CompletedChunk Complete()
    {
        // A report closes this boot's account: a reset after it is explained by it.
        ended = true;
        var chunk = new CompletedChunk(Host, Source, report!, lossy, Kernel);
        report = null;
        trailing = -1;
        panicked = false;
        lossy = false;
        return chunk;
    }

    /// <summary>The whole detector state, for the spool's checkpoint.</summary>
    public LiveStreamState Save() =>
        new(Host, Source, [.. context], report is null ? null : [.. report], heard, ended, trailing, panicked, lossy, Kernel);

    /// <summary>A stream in the state <see cref="Save"/> gave, its quiet period counted from now.</summary>
    public static LiveStream Restore(LiveStreamState state, LiveLimits limits)
    {
        var stream = new LiveStream(state.Host, state.Source, limits)
        {
            report = state.Report is null ? null : [.. state.Report],
            heard = state.Heard,
            ended = state.Ended,
            trailing = state.Trailing,
            panicked = state.Panicked,
            lossy = state.Lossy,
            Kernel = state.Kernel,
        };
        foreach (var line in state.Context)
            stream.context.Enqueue(line);
        return stream;
    }

    /// <summary>
    /// The detector's header test on the line stripped of its prefixes, behind a literal search so an ordinary line
    /// costs no allocation. Lines of other programs (`sshd[1]: WARNING:`) never open a report, as in the detector.
    /// </summary>
    private bool IsHeader(string line)
    {
        if (line.Contains(BannerLiteral, StringComparison.Ordinal))
            ObserveBanner(line);
        if (line.AsSpan().IndexOfAny(HeaderLiterals) < 0)
            return false;
        foreach (var stripped in LineReader.Read(line))
            return (stripped.Origin is null || stripped.Origin == KernelOrigin)
                && (HeaderScanner.Match(stripped.Text) is not null || CrashHeaders.HasTraceHint(stripped.Text));
        return false;
    }

    private void ObserveBanner(string line)
    {
        if (Banner(line) is { } release)
            Kernel = release;
    }

    /// <summary>
    /// The release a boot banner names (init/version.c), null when the line is no banner; a banner also becomes the
    /// pending <see cref="boot"/>, timed by the line's own timestamp, else by its arrival.
    /// </summary>
    private string? Banner(string line)
    {
        var banner = new Parsing.BootBanner();
        string? timestamp = null;
        foreach (var stripped in LineReader.Read(line))
        {
            banner.Observe(stripped);
            timestamp ??= stripped.Timestamp;
        }
        if (banner.Release is { } release)
            boot = new Storage.HostBoot(Host, timestamp ?? DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), release);
        return banner.Release;
    }
}
