using System.Text;
using PanicLens.Detection;
using PanicLens.Ingest;

namespace PanicLens.Bench;

/// <summary>The report regions of every ../shared/corpus/syzkaller-linux file, found once before timing.</summary>
public static class CorpusReports
{
    /// <summary>Parses and titles every report again and again for <paramref name="seconds"/>, so that tiered
    /// compilation has reached its optimised code before anything is timed.</summary>
    public static void WarmUp(IReadOnlyList<CrashRegion> regions, double seconds)
    {
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(seconds * System.Diagnostics.Stopwatch.Frequency);
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            foreach (var region in regions)
                PanicLens.Signatures.TitleBuilder.Apply(PanicLens.Parsing.ReportParser.Parse("bench", region.Lines, region.StartLine, region.EndLine));
    }

    public static List<CrashRegion> Load() => LoadNamed().Select(named => named.Region).ToList();

    /// <summary>Each corpus file's log (the text after its header block), in file-name order.</summary>
    public static List<string> Logs() =>
        Directory.EnumerateFiles(Folder()).Order(StringComparer.Ordinal).Select(path => LogOf(File.ReadAllBytes(path))).ToList();

    private static string Folder() => Path.Combine(FindRoot(), "..", "shared", "corpus", "syzkaller-linux");

    private static string LogOf(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var body = text.IndexOf("\n\n", StringComparison.Ordinal);
        return body < 0 ? "" : text[(body + 2)..];
    }

    /// <summary>Every report with a name: its file and, when the file holds several, its place (`123#2`).</summary>
    public static List<(string Name, CrashRegion Region)> LoadNamed()
    {
        var regions = new List<(string, CrashRegion)>();
        foreach (var path in Directory.EnumerateFiles(Folder()).Order(StringComparer.Ordinal))
        {
            var log = LogOf(File.ReadAllBytes(path));
            var found = new CrashDetector().Detect(LineReader.Read(log)).ToList();
            for (var i = 0; i < found.Count; i++)
                regions.Add((Path.GetFileName(path) + (i > 0 ? "#" + (i + 1) : ""), found[i]));
        }
        return regions;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PanicLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
