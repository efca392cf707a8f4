using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace PanicLens.Readiness;

/// <summary>
/// `check --collect`: after the checks ran on a host, writes exactly what they looked at as a gzip'd tar, so the
/// host can be judged elsewhere with `check --root` on the extracted tree. Files read are copied as read; paths
/// whose name or time only was used become empty files with their time; listed directories keep every name;
/// links stay links. Nothing else on the host is copied, and nothing in <see cref="CollectionExclusions"/>.
/// </summary>
public static class HostCollection
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The manifest of what <paramref name="tree"/>'s checks looked at; <see cref="Write"/> archives it.</summary>
    public static HostCollectionManifest Plan(HostTree tree, string? hostname, string tool)
    {
        var access = tree.Access();
        var entries = new SortedDictionary<string, CollectedFile>(StringComparer.Ordinal);
        foreach (var file in access.Reads)
        {
            var modified = Modified(tree, file.Path);
            entries[file.Path] = CollectionExclusions.Reason(file.Path) is null
                ? new CollectedFile(file.Path, CollectedKind.File, Encoding.Latin1.GetByteCount(file.Text!), modified)
                : new CollectedFile(file.Path, CollectedKind.Withheld, 0, modified);
        }
        foreach (var (directory, names) in access.Listings)
        {
            entries.TryAdd(directory, new CollectedFile(directory, CollectedKind.Directory, 0, Modified(tree, directory)));
            foreach (var name in names)
                AddPresent(tree, entries, directory.TrimEnd('/') + "/" + name);
        }
        foreach (var path in access.Present)
            AddPresent(tree, entries, path);
        AddParents(tree, entries);
        return new HostCollectionManifest(tool, DateTimeOffset.UtcNow, hostname, tree.Root, entries.Values.ToList(), access.Unreadable, access.FreeBytes);
    }

    /// <summary>Writes the manifest and then every entry of <paramref name="manifest"/> as a tar.gz to <paramref name="output"/>.</summary>
    public static void Write(HostTree tree, HostCollectionManifest manifest, Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        var manifestBytes = new MemoryStream();
        HostCollectionManifest.Write(manifest, manifestBytes);
        manifestBytes.Position = 0;
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, HostCollectionManifest.FileName)
        {
            DataStream = manifestBytes, Mode = FileMode, ModificationTime = manifest.CollectedAt,
        });
        var reads = tree.Access().Reads.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var name = file.Path.TrimStart('/');
            var entry = file.Kind switch
            {
                CollectedKind.Directory => new PaxTarEntry(TarEntryType.Directory, name) { Mode = DirectoryMode },
                CollectedKind.SymbolicLink => new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = file.LinkTarget!, Mode = DirectoryMode },
                CollectedKind.File => new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.Latin1.GetBytes(reads[file.Path].Text!)), Mode = FileMode,
                },
                CollectedKind.NameOnly => new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = FileMode },
                _ => null,
            };
            if (entry is null)
                continue;
            entry.ModificationTime = file.Modified;
            tar.WriteEntry(entry);
        }
    }

    /// <summary>A path the checks saw exist (or listed) but did not read: kept as what it is on the host.</summary>
    private static void AddPresent(HostTree tree, SortedDictionary<string, CollectedFile> entries, string path)
    {
        if (entries.ContainsKey(path))
            return;
        var full = tree.Map(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is { } target)
            entries[path] = new CollectedFile(path, CollectedKind.SymbolicLink, 0, Modified(tree, path), target);
        else if (Directory.Exists(full))
            entries[path] = new CollectedFile(path, CollectedKind.Directory, 0, Modified(tree, path));
        else if (info.Exists)
            entries[path] = new CollectedFile(path, CollectedKind.NameOnly, 0, info.LastWriteTimeUtc);
    }

    /// <summary>
    /// Every parent of an entry is a directory in the archive, with its host time; a parent that is a link on the
    /// host (/etc/rc3.d -> rc.d/rc3.d) becomes a directory, as the checks saw through it.
    /// </summary>
    private static void AddParents(HostTree tree, SortedDictionary<string, CollectedFile> entries)
    {
        foreach (var path in entries.Keys.ToList())
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                var parent = path[..slash];
                if (entries.TryGetValue(parent, out var known) && known.Kind == CollectedKind.Directory)
                    break;
                entries[parent] = new CollectedFile(parent, CollectedKind.Directory, 0, Modified(tree, parent));
            }
        }
    }

    private static DateTime Modified(HostTree tree, string path)
    {
        var info = new FileInfo(tree.Map(path));
        if (info.Exists)
            return info.LastWriteTimeUtc;
        var directory = new DirectoryInfo(info.FullName);
        return directory.Exists ? directory.LastWriteTimeUtc : DateTime.UnixEpoch;
    }
}
