using System.Diagnostics;
using System.Globalization;
using PanicLens.Cli.Localization;
using PanicLens.Cli.Scanning;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// The scan's progress line on a terminal's standard error (bytes, files, crashes, rate, ETA), redrawn twice a second
/// and erased at the end; nothing when standard error is not a terminal.
/// </summary>
public sealed class ScanProgressRenderer : IDisposable
{
    private readonly ScanProgress progress;
    private readonly TextWriter error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer timer;
    private readonly Lock gate = new();

    public ScanProgressRenderer(ScanProgress progress, TextWriter error)
    {
        this.progress = progress;
        this.error = error;
        timer = new Timer(_ => Draw(), null, 500, 500);
    }

    private void Draw()
    {
        lock (gate)
        {
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            var rate = progress.Bytes / seconds;
            var left = rate > 0 ? TimeSpan.FromSeconds((progress.TotalBytes - progress.Bytes) / rate) : TimeSpan.Zero;
            error.Write("\r\u001b[K" + Words.Format("scan.progress", progress.Files, progress.TotalFiles, progress.Bytes / 1048576.0,
                progress.TotalBytes / 1048576.0, progress.Reports, rate / 1048576, left.ToString(@"mm\:ss", CultureInfo.InvariantCulture)));
            error.Flush();
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        lock (gate)
        {
            error.Write("\r\u001b[K");
            error.Flush();
        }
    }
}
