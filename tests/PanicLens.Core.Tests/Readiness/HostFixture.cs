using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>
/// A copy of one fixture host tree (tests/.../Fixtures/hosts/NAME) in a temporary directory, with the file
/// times a real copy (`tar`, `cp -a`) would keep. Git does not keep times, so they are set here from the
/// table below; symbolic links (systemd *.wants, rc.d) are copied as links.
/// </summary>
public sealed class HostFixture : IDisposable
{
    private static readonly DateTime BaseTime = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Files whose time differs from the base time, per fixture: what makes an initramfs current or stale.</summary>
    private static readonly (string Fixture, string Path, DateTime Modified)[] Times =
    [
        ("rhel7-kdump", "boot/vmlinuz-3.10.0-1160.el7.x86_64", new(2025, 11, 1, 8, 0, 0, DateTimeKind.Utc)),
        ("rhel7-kdump", "etc/kdump.conf", new(2025, 12, 1, 9, 30, 0, DateTimeKind.Utc)),
        ("rhel7-kdump", "etc/sysconfig/kdump", new(2025, 11, 1, 8, 0, 0, DateTimeKind.Utc)),
        ("rhel7-kdump", "boot/initramfs-3.10.0-1160.el7.x86_64kdump.img", new(2026, 1, 5, 7, 0, 0, DateTimeKind.Utc)),
        ("rhel9-notloaded", "boot/vmlinuz-5.14.0-362.8.1.el9_3.x86_64", new(2026, 1, 10, 6, 0, 0, DateTimeKind.Utc)),
        ("rhel9-notloaded", "boot/initramfs-5.14.0-362.8.1.el9_3.x86_64kdump.img", new(2026, 1, 12, 6, 0, 0, DateTimeKind.Utc)),
        ("rhel9-notloaded", "etc/kdump.conf", new(2026, 2, 1, 14, 0, 0, DateTimeKind.Utc)),
    ];

    public HostFixture(string name)
    {
        Name = name;
        Root = Path.Combine(Path.GetTempPath(), "paniclens-host-" + name + "-" + Guid.NewGuid().ToString("N"));
        Copy(Source(name), Root);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (new FileInfo(file).LinkTarget is null)
                File.SetLastWriteTimeUtc(file, BaseTime);
        }
        foreach (var (fixture, path, modified) in Times)
        {
            if (fixture == name)
                File.SetLastWriteTimeUtc(Path.Combine(Root, path), modified);
        }
    }

    public string Name { get; }

    public string Root { get; }

    public static string Source(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "PanicLens.Core.Tests", "Fixtures", "hosts", name);

    public ReadinessReport Inspect() => HostInspector.Inspect(new HostTree(Root));

    public ReadinessReport Inspect(IReadOnlyList<PanicLens.Knowledge.KnownIssue> knownIssues) =>
        HostInspector.Inspect(new HostTree(Root), knownIssues);

    /// <summary>Changes one file of this copy (the fixture in the repository is untouched).</summary>
    public void Write(string hostPath, string text)
    {
        var full = Path.Join(Root, hostPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
                File.CreateSymbolicLink(target, link);
            else if (entry is DirectoryInfo)
                Copy(entry.FullName, target);
            else
                File.Copy(entry.FullName, target);
        }
    }
}
