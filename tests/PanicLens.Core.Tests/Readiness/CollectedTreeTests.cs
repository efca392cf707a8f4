using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>A tree with a `check --collect` manifest answers what a copy cannot measure as the host did.</summary>
public sealed class CollectedTreeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paniclens-collected-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteManifest(IReadOnlyDictionary<string, long> freeBytes, IReadOnlyList<HostFile> unreadable)
    {
        var manifest = new HostCollectionManifest("test", DateTimeOffset.UnixEpoch, "host", "/", [], unreadable, freeBytes);
        using var file = File.Create(Path.Join(_root, HostCollectionManifest.FileName));
        HostCollectionManifest.Write(manifest, file);
    }

    [Fact]
    public void Free_space_comes_from_the_manifest_and_is_carried_into_a_new_collection()
    {
        WriteManifest(new Dictionary<string, long> { ["/var/crash"] = 123L << 30 }, []);
        var tree = new HostTree(_root);
        Assert.Equal(123L << 30, tree.FreeBytes("/var/crash"));
        Assert.Null(tree.FreeBytes("/srv/dumps"));
        Assert.Equal(123L << 30, HostCollection.Plan(tree, "host", "test").FreeBytes["/var/crash"]);
    }

    [Fact]
    public void A_file_the_host_could_not_read_keeps_its_reason_even_if_the_copy_has_a_file_there()
    {
        WriteManifest(new Dictionary<string, long>(), [new HostFile("/proc/cmdline", null, "permission denied")]);
        Directory.CreateDirectory(Path.Join(_root, "proc"));
        File.WriteAllText(Path.Join(_root, "proc/cmdline"), "ro quiet\n");
        var tree = new HostTree(_root);
        var file = tree.Read("/proc/cmdline");
        Assert.False(file.Readable);
        Assert.Equal("permission denied", file.Problem);
        Assert.Contains(tree.Unreadable, f => f.Path == "/proc/cmdline");
    }

    [Fact]
    public void A_plain_copy_without_a_manifest_measures_no_free_space()
    {
        Assert.Null(new HostTree(_root).FreeBytes("/var/crash"));
    }
}
