namespace PanicLens.Readiness;

/// <summary>
/// One file read from the inspected host: its host path (as the host sees it, e.g. <c>/proc/cmdline</c>),
/// its text when it could be read, or why it could not.
/// </summary>
public sealed record HostFile(string Path, string? Text, string? Problem)
{
    public bool Readable => Text is not null;

    /// <summary>The text with surrounding whitespace removed, or null when unreadable.</summary>
    public string? Value => Text?.Trim();
}
