namespace PanicLens.Server.Streaming;

/// <summary>
/// The lines of one live stream from a little before a crash header to where the report ended (its end marker, a
/// quiet period or the cap), ready for the pipeline. <see cref="Kernel"/> is the release of the stream's last boot
/// banner, for reports that print none. <see cref="Lossy"/>: the stream lost lines meanwhile, or the cap cut it.
/// <see cref="SilentReset"/>: not a report but a host's last lines before a new boot banner with no report and no
/// orderly shutdown between (hardware, watchdog, power). <see cref="Boot"/>: the line that completed it was a boot banner,
/// stored as the host's last boot; a banner that completes nothing else comes as a chunk without lines.
/// </summary>
public sealed record CompletedChunk(string Host, string Source, IReadOnlyList<string> Lines, bool Lossy, string? Kernel, bool SilentReset = false)
{
    /// <summary>The collector's event that completed it (its name in the spool).</summary>
    public long CompletedAt { get; init; }

    public Storage.HostBoot? Boot { get; init; }
}
