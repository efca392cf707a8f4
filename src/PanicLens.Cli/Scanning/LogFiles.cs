using PanicLens.Cli.Localization;
using PanicLens.Storage;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The files under the paths a scan names, in ordinal order; what cannot be listed is reported, not fatal. A path named
/// on the command line is read even through a symbolic link, and so is a link to a file inside a folder; a link to a
/// folder inside a folder is followed only when asked (<c>followLinks</c>, `--follow`, as `find -L` and `rg -L`), and
/// then a folder reached twice (a link loop, a second name) is read once. Only regular files are read: a FIFO, socket or
/// device in a folder is passed over (opening a FIFO waits for a writer), and one named on the command line is skipped
/// with its reason. A file reached under two names (hard links, links) is read once, under the first name that is not a
/// link (the host comes from the name).
/// </summary>
public static class LogFiles
{
    public static List<string> Walk(IReadOnlyList<string> paths, IReadOnlySet<string> excluded, Action<SkippedFile> skip, bool followLinks = false)
    {
        var walk = new Walker(excluded, skip, followLinks);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                walk.Folder(path);
            else if (!File.Exists(path))
                skip(new SkippedFile(path, Words.Get("scan.no-such-path")));
            else if (FileIdentity.IsSpecialFile(path))
                skip(new SkippedFile(path, Words.Get("scan.not-regular")));
            else
                walk.Add(path);
        }
        return walk.Files;
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

    private sealed class Walker(IReadOnlySet<string> excluded, Action<SkippedFile> skip, bool followLinks)
    {
        private readonly HashSet<(string, string)> folders = [];
        /// <summary>Each file read, by device and inode: its index in <see cref="Files"/>.</summary>
        private readonly Dictionary<(string, string), int> files = [];

        public List<string> Files { get; } = [];

        public void Folder(string root)
        {
            if (!folders.Add(FileIdentity.Of(root)))
                return;
            var pending = new Stack<string>();
            pending.Push(root);
            var found = new List<string>();
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                try
                {
                    var subfolders = Directory.GetDirectories(folder);
                    Array.Sort(subfolders, StringComparer.Ordinal);
                    for (var i = subfolders.Length - 1; i >= 0; i--)
                        if ((followLinks || !IsLink(subfolders[i])) && folders.Add(FileIdentity.Of(subfolders[i])))
                            pending.Push(subfolders[i]);
                    // A link to a file is read (it cannot loop); a dangling one too, so that its failure is named.
                    foreach (var file in Directory.GetFiles(folder))
                        if (!FileIdentity.IsSpecialFile(file))
                            found.Add(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skip(new SkippedFile(folder, e.Message));
                }
            }
            found.Sort(StringComparer.Ordinal);
            foreach (var file in found)
                Add(file);
        }

        /// <summary>Reads a file once; under its own name rather than a link's when both are found (the host comes from the name).</summary>
        public void Add(string path)
        {
            if (excluded.Contains(Path.GetFullPath(path)))
                return;
            var identity = FileIdentity.Of(path);
            if (!files.TryGetValue(identity, out var index))
            {
                files[identity] = Files.Count;
                Files.Add(path);
            }
            else if (IsLink(Files[index]) && !IsLink(path))
                Files[index] = path;
        }

        private static bool IsLink(string path) => File.ResolveLinkTarget(path, returnFinalTarget: false) is not null;
    }
}
