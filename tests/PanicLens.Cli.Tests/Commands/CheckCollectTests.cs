using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using PanicLens.Core.Tests.Readiness;
using PanicLens.Readiness;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// `check --collect` on one machine, `check --root` on the extracted archive elsewhere: the same verdicts, from only
/// the files the checks read. The fixture trees play the host; this machine plays it too.
/// </summary>
public sealed class CheckCollectTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("paniclens-collect-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("seed-xen-dom0")]
    [InlineData("rhel7-kdump")]
    [InlineData("ubuntu2204-nokdump")]
    [InlineData("rhel9-notloaded")]
    public void A_collected_fixture_is_judged_exactly_as_the_fixture(string name)
    {
        using var host = new HostFixture(name);
        var extracted = CollectAndExtract(host.Root);
        Assert.Equal(CheckJson(host.Root), CheckJson(extracted));
    }

    [Fact]
    public void A_file_the_host_could_not_read_is_unreadable_for_the_same_reason_in_the_copy()
    {
        using var host = new HostFixture("rhel7-kdump");
        File.Delete(Path.Join(host.Root, "proc/cmdline"));
        Directory.CreateDirectory(Path.Join(host.Root, "proc/cmdline"));
        var extracted = CollectAndExtract(host.Root);
        var json = CheckJson(extracted);
        Assert.Contains("\"problem\": \"is a directory\"", json);
        Assert.Equal(CheckJson(host.Root), json);
    }

    [Fact]
    public void The_archive_holds_only_what_the_checks_looked_at_and_no_secret()
    {
        using var host = new HostFixture("seed-xen-dom0");
        host.Write("/etc/shadow", "root:$6$secret:19000:0:99999:7:::\n");
        host.Write("/root/.ssh/kdump_id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        host.Write("/etc/unrelated.conf", "not read by any check\n");
        var archive = Path.Join(_work, "host.tar.gz");
        var run = CliRun.Invoke("check", "--root", host.Root, "--collect", archive);
        Assert.Equal(0, run.ExitCode);

        var entries = ReadArchive(archive);
        var manifest = JsonNode.Parse(entries[HostCollectionManifest.FileName]!)!;
        var listed = manifest["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>().TrimStart('/')).ToHashSet();
        Assert.Equal(listed.Append(HostCollectionManifest.FileName).Order(), entries.Keys.Order());
        Assert.DoesNotContain("etc/shadow", entries.Keys);
        Assert.DoesNotContain("etc/unrelated.conf", entries.Keys);
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("root", StringComparison.Ordinal));
        Assert.All(entries.Keys, k => Assert.Null(CollectionExclusions.Reason("/" + k)));

        // Every file with content is one the inspection read, byte for byte.
        var tree = new HostTree(host.Root);
        HostInspector.Inspect(tree, PanicLens.Knowledge.KnowledgeLoader.Load().Issues);
        var reads = tree.Access().Reads.ToDictionary(f => f.Path.TrimStart('/'), f => f.Text);
        foreach (var file in manifest["files"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == "file"))
        {
            var key = file!["path"]!.GetValue<string>().TrimStart('/');
            Assert.Equal(reads[key], entries[key]);
        }
        Assert.Contains("from " + host.Root, run.Stderr);
    }

    [Fact]
    public void A_secret_a_check_read_is_withheld_and_named()
    {
        using var host = new HostFixture("rhel7-kdump");
        host.Write("/etc/shadow", "root:$6$secret:19000:0:99999:7:::\n");
        var tree = new HostTree(host.Root);
        tree.Read("/etc/shadow");
        var manifest = HostCollection.Plan(tree, "host", "test");
        Assert.Equal(CollectedKind.Withheld, Assert.Single(manifest.Files, f => f.Path == "/etc/shadow").Kind);
        using var archive = new MemoryStream();
        HostCollection.Write(tree, manifest, archive);
        archive.Position = 0;
        Assert.DoesNotContain("etc/shadow", ReadArchive(archive).Keys);
    }

    [Fact]
    public void The_archive_can_go_to_standard_output_for_ssh()
    {
        using var host = new HostFixture("ubuntu2204-nokdump");
        var stdout = new MemoryStream();
        var error = new StringWriter();
        var code = PanicLensApp.Run(["check", "--root", host.Root, "--collect", "-"], new CliIo(new MemoryStream(), stdout, error));
        Assert.Equal(0, code);
        stdout.Position = 0;
        var entries = ReadArchive(stdout);
        Assert.Contains(HostCollectionManifest.FileName, entries.Keys);
        Assert.Contains("proc/cmdline", entries.Keys);
    }

    [Fact]
    public void A_damaged_manifest_is_a_one_line_error_naming_it()
    {
        using var host = new HostFixture("rhel7-kdump");
        host.Write("/" + HostCollectionManifest.FileName, "{ not json");
        var run = CliRun.Invoke("check", "--root", host.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("paniclens: " + Path.Join(host.Root, HostCollectionManifest.FileName) + ": not a readable collection manifest", run.Stderr);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void This_machine_collected_gives_the_same_verdicts_as_this_machine()
    {
        var extracted = CollectAndExtract("/");
        Assert.Equal(Verdicts(CheckJson("/")), Verdicts(CheckJson(extracted)));
    }

    private string CollectAndExtract(string root)
    {
        var archive = Path.Join(_work, Guid.NewGuid().ToString("N") + ".tar.gz");
        var run = CliRun.Invoke("check", "--root", root, "--collect", archive);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var target = Directory.CreateDirectory(Path.Join(_work, Guid.NewGuid().ToString("N"))).FullName;
        // GNU tar, as a fleet operator would extract it (it keeps times and dangling links).
        using var tar = Process.Start(new ProcessStartInfo("tar", ["xzf", archive, "-C", target]) { RedirectStandardError = true })!;
        var error = tar.StandardError.ReadToEnd();
        tar.WaitForExit();
        Assert.True(tar.ExitCode == 0, error);
        return target;
    }

    /// <summary>The check document with the one field that must differ, the directory it was read from, removed.</summary>
    private static string CheckJson(string root)
    {
        var run = CliRun.Invoke("check", "--root", root, "--format", "json");
        Assert.InRange(run.ExitCode, 0, 1);
        var doc = JsonNode.Parse(run.Stdout)!;
        doc["host"]!.AsObject().Remove("root");
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Per item and known issue, the verdict only: a live host's evidence (socket counts, free MiB) may move between runs.</summary>
    private static List<string> Verdicts(string json)
    {
        var doc = JsonNode.Parse(json)!;
        var verdicts = doc["checks"]!.AsArray().Select(c => $"{c!["id"]}: {c["status"]}").ToList();
        verdicts.AddRange(doc["exposure"]!.AsArray().Select(e => $"{e!["knownIssue"]}: exposed {e["exposed"]}, mitigated {e["mitigated"]}"));
        verdicts.Add("kernel " + doc["host"]!["kernelRelease"]);
        return verdicts;
    }

    private static Dictionary<string, string?> ReadArchive(string path)
    {
        using var file = File.OpenRead(path);
        return ReadArchive(file);
    }

    private static Dictionary<string, string?> ReadArchive(Stream archive)
    {
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var gzip = new GZipStream(archive, CompressionMode.Decompress, leaveOpen: true);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            string? text = null;
            if (entry.DataStream is { } data)
            {
                using var bytes = new MemoryStream();
                data.CopyTo(bytes);
                text = System.Text.Encoding.Latin1.GetString(bytes.ToArray());
            }
            entries[entry.Name] = text;
        }
        return entries;
    }
}
