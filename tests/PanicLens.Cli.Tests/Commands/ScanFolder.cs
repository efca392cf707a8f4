using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>A temporary console archive to scan, and runs of `paniclens scan` against one store.</summary>
public sealed class ScanFolder : IDisposable
{
    public static readonly string Seed = File.ReadAllText(RepoPaths.Example("xen-dom0-inet-diag.log"), Encoding.Latin1);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "paniclens-scan-" + Guid.NewGuid().ToString("N"));

    public string Db { get; }

    public ScanFolder(string db)
    {
        Directory.CreateDirectory(Root);
        Db = db;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Console chatter that is no crash, `count` lines.</summary>
    public static string Noise(int count, string tag = "")
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
            text.Append($"2017-01-14 02:{i / 60 % 60:00}:{i % 60:00}\tsystemd[1]: Started Session {i}{tag} of user root.\n");
        return text.ToString();
    }

    public void Write(string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(name))!);
        File.WriteAllText(PathOf(name), text, Encoding.Latin1);
    }

    public void Append(string name, string text) => File.AppendAllText(PathOf(name), text, Encoding.Latin1);

    public void Gzip(string from, string to)
    {
        using (var input = File.OpenRead(PathOf(from)))
        using (var output = new GZipStream(File.Create(PathOf(to)), CompressionLevel.Fastest))
            input.CopyTo(output);
        File.Delete(PathOf(from));
    }

    public (CliRun Run, JsonElement Json) Scan(params string[] extra)
    {
        var run = CliRun.Invoke(["scan", Root, "--db", Db, "--format", "json", .. extra]);
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        return (run, JsonDocument.Parse(run.Stdout).RootElement);
    }

    public JsonElement Buckets()
    {
        var run = CliRun.Invoke("buckets", "--db", Db, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("buckets");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
