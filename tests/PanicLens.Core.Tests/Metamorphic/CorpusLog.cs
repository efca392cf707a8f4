using System.Text;
using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// One console log of `../shared/corpus/` as the variants start from it: a syzkaller case's log after its headers,
/// a production file whole. Text is Latin-1 (one char per byte), LF line ends.
/// </summary>
public sealed record CorpusLog(string Name, string Text)
{
    /// <summary>Every log of both sets, syzkaller first, each set in ordinal name order.</summary>
    public static IReadOnlyList<CorpusLog> All { get; } = Load();

    public string[] Lines() => Text.Split('\n');

    /// <summary>A seed for this log's random choices (cut points, noise), stable across runs and machines.</summary>
    public int Seed()
    {
        var hash = 17;
        foreach (var c in Name)
            hash = unchecked(hash * 31 + c);
        return hash & int.MaxValue;
    }

    private static List<CorpusLog> Load()
    {
        var logs = new List<CorpusLog>();
        foreach (var path in SyzkallerCase.Files())
            logs.Add(new CorpusLog("syzkaller/" + Path.GetFileName(path), SyzkallerCase.Load(path).Log));
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Corpus("production"), "*.log").OrderBy(p => p, StringComparer.Ordinal))
            logs.Add(new CorpusLog("production/" + Path.GetFileName(path),
                Encoding.Latin1.GetString(File.ReadAllBytes(path)).Replace("\r", "", StringComparison.Ordinal)));
        return logs;
    }
}
