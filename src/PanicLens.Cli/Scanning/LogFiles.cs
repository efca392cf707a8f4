using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Scanning;

/// <summary>The files under the paths a scan names, in ordinal order; what cannot be listed is reported, not fatal.</summary>
public static class LogFiles
{
    public static List<string> Walk(IReadOnlyList<string> paths, IReadOnlySet<string> excluded, Action<SkippedFile> skip)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
                Add(files, path, excluded);
            else if (Directory.Exists(path))
                WalkFolder(path, files, excluded, skip);
            else
                skip(new SkippedFile(path, Words.Get("scan.no-such-path")));
        }
        return files;
    }

    private static void WalkFolder(string root, List<string> files, IReadOnlySet<string> excluded, Action<SkippedFile> skip)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        var found = new List<string>();
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            try
            {
                var subfolders = Directory.GetDirectories(folder);
                Array.Sort(subfolders, StringComparer.Ordinal);
                for (var i = subfolders.Length - 1; i >= 0; i--)
                    folders.Push(subfolders[i]);
                found.AddRange(Directory.GetFiles(folder));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skip(new SkippedFile(folder, e.Message));
            }
        }
        found.Sort(StringComparer.Ordinal);
        foreach (var file in found)
            Add(files, file, excluded);
    }

    /// <summary>The files' sizes added up, for the ETA (a file that vanished meanwhile counts nothing).</summary>
    public static long Size(List<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            total += info.Exists ? info.Length : 0;
        }
        return total;
    }

    private static void Add(List<string> files, string path, IReadOnlySet<string> excluded)
    {
        if (!excluded.Contains(Path.GetFullPath(path)))
            files.Add(path);
    }
}
