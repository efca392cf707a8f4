using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Remembers the release of the last `Linux version X ...` boot banner seen in a log (init/version.c linux_banner).
/// A streaming pipeline feeds it every line and, for a report that prints no release of its own (mce, bare panics),
/// takes <see cref="Release"/> as observed before the report's first line.
/// </summary>
public sealed class BootBanner
{
    private const string Banner = "Linux version ";

    public string? Release { get; private set; }

    public void Observe(LogLine line)
    {
        int at = line.Text.IndexOf(Banner, StringComparison.Ordinal);
        if (at < 0)
            return;
        int start = at + Banner.Length;
        int end = line.Text.IndexOf(' ', start);
        var release = end < 0 ? line.Text[start..] : line.Text[start..end];
        if (release.Length > 0 && release.Length <= 128)
            Release = release;
    }
}
