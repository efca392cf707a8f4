using System.Text;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// One file of ../shared/corpus/syzkaller-linux: `KEY: value` headers up to the first empty line, then the
/// raw console log. A file without a (non-empty) TITLE holds no crash.
/// </summary>
public sealed record SyzkallerCase(string Name, string Title, IReadOnlyList<string> Alts, string Type, bool Corrupted, string Log)
{
    public bool HasCrash => Title.Length > 0;

    public static SyzkallerCase Load(string path)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path)).Replace("\r", "", StringComparison.Ordinal);
        var title = "";
        var type = "";
        var corrupted = false;
        var alts = new List<string>();
        var pos = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0)
                end = text.Length;
            var line = text[pos..end];
            pos = end + 1;
            if (line.Length == 0)
                break;
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var value = line[(colon + 1)..].Trim();
            switch (line[..colon])
            {
                case "TITLE": title = value; break;
                case "ALT": alts.Add(value); break;
                case "TYPE": type = value; break;
                case "CORRUPTED": corrupted = value == "Y"; break;
            }
        }
        var log = pos < text.Length ? text[pos..] : "";
        return new SyzkallerCase(Path.GetFileName(path), title, alts, type, corrupted, log);
    }

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(RepoPaths.Corpus("syzkaller-linux")).OrderBy(f => f, StringComparer.Ordinal);
}
