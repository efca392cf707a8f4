using System.IO.Compression;

namespace PanicLens.Cli.Tests.Commands;

public sealed class CompressedAnalyzeTests
{
    private static readonly string Seed = RepoPaths.Example("xen-dom0-inet-diag.log");

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public void A_gzip_log_analyzes_like_the_plain_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paniclens-{Guid.NewGuid():N}.log.2.gz");
        try
        {
            File.WriteAllBytes(path, Gzip(File.ReadAllBytes(Seed)));
            var plain = CliRun.Invoke("analyze", "--format", "json", Seed);
            var gz = CliRun.Invoke("analyze", "--format", "json", path);
            Assert.Equal(0, gz.ExitCode);
            Assert.Equal(plain.Stdout.Replace(Seed, "LOG"), gz.Stdout.Replace(path, "LOG"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_corrupt_gzip_log_exits_two_with_one_line_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paniclens-{Guid.NewGuid():N}.log.gz");
        try
        {
            var gz = Gzip(File.ReadAllBytes(Seed));
            File.WriteAllBytes(path, gz[..(gz.Length / 2)]);
            var run = CliRun.Invoke("analyze", path);
            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"paniclens: {path}: corrupt gzip archive: ", line);
            Assert.DoesNotContain(" at ", run.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
