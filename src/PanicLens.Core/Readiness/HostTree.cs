namespace PanicLens.Readiness;

/// <summary>
/// The files of one host, read either from the running system (root "/") or from a copied tree of its
/// /proc, /sys, /etc and /boot. Every read is remembered with its outcome so a report can say what it could
/// not read; nothing here throws for a missing or unreadable file.
/// </summary>
public sealed class HostTree
{
    // procfs and sysfs files report size 0, so reads are bounded by this cap instead of the file length.
    private const int MaxFileBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, HostFile> _reads = new(StringComparer.Ordinal);
    private readonly List<HostFile> _unreadable = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _listings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _freeBytes = new(StringComparer.Ordinal);
    private readonly HostCollectionManifest? _collected;

    /// <summary>
    /// A tree written by `check --collect` carries a manifest (<see cref="HostCollectionManifest.FileName"/>): what could
    /// not be read on the host and the free space there are taken from it, so the tree is judged as the host was.
    /// </summary>
    public HostTree(string root)
    {
        Root = Path.GetFullPath(root);
        if (!IsLive)
            _collected = HostCollectionManifest.ReadFrom(Root);
    }

    public string Root { get; }

    /// <summary>True when this is the machine we run on rather than a copied tree.</summary>
    public bool IsLive => Root == "/";

    /// <summary>
    /// Files that should have been readable and were not: required reads that failed, and optional reads that
    /// failed for a reason other than absence (permission, I/O error).
    /// </summary>
    public IReadOnlyList<HostFile> Unreadable => _unreadable;

    /// <summary>Reads a file every host of its kind has; a failure is listed in <see cref="Unreadable"/>.</summary>
    public HostFile Read(string hostPath) => Read(hostPath, optional: false);

    /// <summary>Reads a file that may legitimately be absent (a config of a tool not installed).</summary>
    public HostFile ReadOptional(string hostPath) => Read(hostPath, optional: true);

    /// <summary>Everything the checks looked at so far: what `check --collect` copies.</summary>
    public HostTreeAccess Access() => new(
        _reads.Values.Where(f => f.Readable).OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
        _listings.OrderBy(l => l.Key, StringComparer.Ordinal).ToList(),
        _present.Order(StringComparer.Ordinal).ToList(),
        new Dictionary<string, long>(_freeBytes, StringComparer.Ordinal),
        _unreadable.ToList());

    private HostFile Read(string hostPath, bool optional)
    {
        if (!_reads.TryGetValue(hostPath, out var file))
        {
            file = _collected?.Problem(hostPath) is { } problem ? new HostFile(hostPath, null, problem) : ReadUncached(hostPath);
            _reads[hostPath] = file;
        }
        var listed = _unreadable.Exists(f => f.Path == hostPath);
        if (!file.Readable && !listed && (!optional || file.Problem != NotFound))
            _unreadable.Add(file);
        return file;
    }

    /// <summary>Whether a file, directory or symbolic link (even a dangling one, as in rc.d and *.wants) exists.</summary>
    public bool Exists(string hostPath)
    {
        var full = Map(hostPath);
        var exists = File.Exists(full) || Directory.Exists(full) || new FileInfo(full).LinkTarget is not null;
        if (exists)
            _present.Add(hostPath);
        return exists;
    }

    public DateTime? LastWriteUtc(string hostPath)
    {
        var info = new FileInfo(Map(hostPath));
        if (!info.Exists)
            return null;
        _present.Add(hostPath);
        return info.LastWriteTimeUtc;
    }

    /// <summary>Names of the entries of a directory, sorted; empty when it is missing or unreadable.</summary>
    public IReadOnlyList<string> List(string hostPath)
    {
        if (_collected?.Problem(hostPath) is { } problem)
        {
            _unreadable.Add(new HostFile(hostPath, null, problem));
            return [];
        }
        var full = Map(hostPath);
        if (!Directory.Exists(full))
            return [];
        try
        {
            var names = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).OfType<string>().ToList();
            names.Sort(StringComparer.Ordinal);
            _listings[hostPath] = names;
            return names;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _unreadable.Add(new HostFile(hostPath, null, e.Message));
            return [];
        }
    }

    /// <summary>
    /// Free bytes on the file system holding a host path: measured on the live host, taken from the manifest of a
    /// collected tree, unknown in any other copy.
    /// </summary>
    public long? FreeBytes(string hostPath)
    {
        if (!IsLive)
        {
            // Kept in this tree's access too, so collecting a collected tree again carries it on.
            if (_collected?.FreeBytes.TryGetValue(hostPath, out var recorded) != true)
                return null;
            _freeBytes[hostPath] = recorded;
            return recorded;
        }
        if (_freeBytes.TryGetValue(hostPath, out var measured))
            return measured;
        var dir = hostPath;
        while (!Directory.Exists(dir) && dir.Length > 1)
            dir = Path.GetDirectoryName(dir) ?? "/";
        try
        {
            var free = new DriveInfo(dir).AvailableFreeSpace;
            _freeBytes[hostPath] = free;
            return free;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            _unreadable.Add(new HostFile(hostPath + " (free space)", null, e.Message));
            return null;
        }
    }

    public string Map(string hostPath) => IsLive ? hostPath : Path.Join(Root, hostPath);

    public const string NotFound = "not found";

    private HostFile ReadUncached(string hostPath)
    {
        var full = Map(hostPath);
        try
        {
            if (Directory.Exists(full))
                return new HostFile(hostPath, null, "is a directory");
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[64 * 1024];
            using var text = new MemoryStream();
            int n;
            while (text.Length < MaxFileBytes && (n = stream.Read(buffer, 0, buffer.Length)) > 0)
                text.Write(buffer, 0, n);
            // Latin-1 keeps every byte: these files are not guaranteed UTF-8.
            return new HostFile(hostPath, System.Text.Encoding.Latin1.GetString(text.GetBuffer(), 0, (int)text.Length), null);
        }
        catch (FileNotFoundException)
        {
            return new HostFile(hostPath, null, NotFound);
        }
        catch (DirectoryNotFoundException)
        {
            return new HostFile(hostPath, null, NotFound);
        }
        catch (UnauthorizedAccessException)
        {
            return new HostFile(hostPath, null, "permission denied");
        }
        catch (IOException e)
        {
            return new HostFile(hostPath, null, e.Message);
        }
    }
}
