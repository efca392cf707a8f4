using System.Diagnostics;
using System.Text.Json;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// What `scan` reads of a folder: links to folders inside it are followed only with `--follow` (as `find -L`, `rg -L`),
/// links to files always; a link loop or a second name of a folder or file is read once, a FIFO is never opened (its open would wait for a
/// writer), and `--jobs` bounds the threads without changing what is found.
/// </summary>
public sealed class ScanWalkTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    private static long Number(JsonElement json, string name) => json.GetProperty(name).GetInt64();

    private static ScanFolder Archive(string db)
    {
        var folder = new ScanFolder(db);
        folder.Write("web-01/console.log", ScanFolder.Noise(20) + ScanFolder.Seed + ScanFolder.Noise(3, "a"));
        folder.Write("web-02.log", ScanFolder.Noise(5, "b") + ScanFolder.Seed.Replace("01:04:", "02:04:"));
        return folder;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_link_loop_and_a_second_name_of_a_folder_are_read_once(bool follow)
    {
        using var folder = Archive(stores.NewUri("sqlite"));
        File.CreateSymbolicLink(folder.PathOf("web-01/up"), folder.Root);
        File.CreateSymbolicLink(folder.PathOf("latest"), folder.PathOf("web-01"));

        var (run, json) = folder.Scan(follow ? ["--follow"] : []);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((2L, 2L), (Number(json, "files"), Number(json, "reports")));
        Assert.Empty(json.GetProperty("skipped").EnumerateArray());
    }

    [Fact]
    public void A_linked_folder_is_read_only_with_follow_and_a_named_link_always()
    {
        using var folder = Archive(stores.NewUri("sqlite"));
        var outside = Path.Combine(Path.GetTempPath(), "paniclens-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "db-07.log"), ScanFolder.Seed.Replace("01:04:", "07:04:"));
            File.CreateSymbolicLink(folder.PathOf("db"), outside);

            long Files(params string[] args) =>
                Number(JsonDocument.Parse(CliRun.Invoke(["scan", .. args, "--db", stores.NewUri("sqlite"), "--format", "json"]).Stdout).RootElement, "files");

            Assert.Equal(2L, Files(folder.Root));
            Assert.Equal(3L, Files(folder.Root, "--follow"));
            Assert.Equal(1L, Files(folder.PathOf("db")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_file_and_a_link_to_it_are_read_once_under_the_files_own_name()
    {
        using var folder = Archive(stores.NewUri("sqlite"));
        File.CreateSymbolicLink(folder.PathOf("a-current.log"), folder.PathOf("web-02.log"));

        var (_, json) = folder.Scan("--follow");

        Assert.Equal(2L, Number(json, "files"));
        var hosts = folder.Buckets().EnumerateArray().SelectMany(b => b.GetProperty("hosts").EnumerateArray().Select(h => h.GetString())).Order().ToList();
        Assert.Equal(["web-01", "web-02"], hosts);
    }

    [Fact]
    public async Task A_fifo_in_a_folder_is_passed_over_and_a_named_one_is_skipped_with_its_reason()
    {
        using var folder = Archive(stores.NewUri("sqlite"));
        MakeFifo(folder.PathOf("xconsole"));

        var (walk, walked) = await Task.Run(() => folder.Scan()).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((0, 2L), (walk.ExitCode, Number(walked, "files")));

        var named = await Task.Run(() => CliRun.Invoke("scan", folder.PathOf("xconsole"), "--db", folder.Db, "--format", "json"))
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, named.ExitCode);
        var skipped = Assert.Single(JsonDocument.Parse(named.Stdout).RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal(folder.PathOf("xconsole"), skipped.GetProperty("path").GetString());
        Assert.Contains("FIFO", skipped.GetProperty("reason").GetString());
    }

    [Fact]
    public void Jobs_bounds_the_threads_and_finds_the_same_reports_and_zero_is_refused()
    {
        using var one = Archive(stores.NewUri("sqlite"));
        using var all = Archive(stores.NewUri("sqlite"));

        var (_, single) = one.Scan("--jobs", "1");
        var (_, every) = all.Scan();

        Assert.Equal((Number(every, "reports"), Number(every, "buckets")), (Number(single, "reports"), Number(single, "buckets")));
        var refused = CliRun.Invoke("scan", one.Root, "--db", one.Db, "-j", "0");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--jobs", refused.Stderr);
        Assert.DoesNotContain("   at ", refused.Stderr);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
