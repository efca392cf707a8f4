using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Remembers the `Linux version X ...` boot banners of a log (init/version.c linux_banner) with their line numbers.
/// A streaming pipeline feeds it every line as it reads them and, for a report that prints no release of its own
/// (mce, bare panics), asks <see cref="ReleaseBefore"/> the report's first line: the kernel that was running then,
/// even when the detector hands the report over after a kdump kernel printed its own banner.
/// </summary>
public sealed class BootBanner
{
    private const string Banner = "Linux version ";
    /// <summary>One banner per boot; a log with more boots than this keeps the latest.</summary>
    private const int MaxBanners = 64;
    private readonly List<(int Line, string Release)> _banners = [];

    /// <summary>The release of the last banner seen.</summary>
    public string? Release => _banners.Count == 0 ? null : _banners[^1].Release;

    public void Observe(LogLine line)
    {
        int at = line.Text.IndexOf(Banner, StringComparison.Ordinal);
        if (at < 0)
            return;
        int start = at + Banner.Length;
        int end = line.Text.IndexOf(' ', start);
        var release = end < 0 ? line.Text[start..] : line.Text[start..end];
        if (release.Length == 0 || release.Length > 128)
            return;
        if (_banners.Count == MaxBanners)
            _banners.RemoveAt(0);
        _banners.Add((line.Number, release));
    }

    /// <summary>The release of the last banner printed before line <paramref name="lineNumber"/>, or null.</summary>
    public string? ReleaseBefore(int lineNumber)
    {
        for (int i = _banners.Count - 1; i >= 0; i--)
            if (_banners[i].Line < lineNumber)
                return _banners[i].Release;
        return null;
    }
}
