using System.IO.Compression;
using System.Text;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

public sealed class CompressedInputTests
{
    private static readonly string Seed = RepoPaths.Example("xen-dom0-inet-diag.log");

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "PanicLens.Core.Tests", "Fixtures", "compressed", name);

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    private static List<string> Titles(Stream stream, string source)
    {
        using var input = CompressedInput.Open(stream, source);
        return new ReportPipeline().Analyze(input, source).Select(r => $"{r.StartLine}-{r.EndLine} {r.Title}").ToList();
    }

    [Theory]
    [InlineData("xen-dom0-inet-diag.log.xz", CompressionFormat.Xz)]
    [InlineData("xen-dom0-inet-diag.log.zst", CompressionFormat.Zstd)]
    [InlineData("xen-dom0-inet-diag.log.bz2", CompressionFormat.Bzip2)]
    public void Xz_zstd_and_bzip2_logs_give_the_reports_of_the_plain_log(string name, CompressionFormat format)
    {
        var plain = Titles(File.OpenRead(Seed), "seed");
        Assert.NotEmpty(plain);
        using (var probe = CompressedInput.Open(File.OpenRead(Fixture(name)), name, out var detected))
            Assert.Equal(format, detected);
        Assert.Equal(plain, Titles(File.OpenRead(Fixture(name)), name));
        // From a pipe (standard input, a scan's slice of a file): the xz decoder asks the position of its input.
        Assert.Equal(plain, Titles(new NonSeekableStream(File.ReadAllBytes(Fixture(name))), "-"));
    }

    [Fact]
    public void A_gzip_log_is_recognised_by_its_bytes_not_its_name_even_on_a_pipe()
    {
        var plain = Titles(File.OpenRead(Seed), "seed");
        var gz = Gzip(File.ReadAllBytes(Seed));
        Assert.Equal(plain, Titles(new MemoryStream(gz), "kern.log.2"));
        Assert.Equal(plain, Titles(new NonSeekableStream(gz), "-"));
    }

    [Fact]
    public void Plain_text_that_starts_like_a_magic_number_stays_plain()
    {
        foreach (var text in new[] { "BZh is not bzip2\n", "BZ", "" })
        {
            using var input = CompressedInput.Open(new NonSeekableStream(Encoding.Latin1.GetBytes(text)), "t", out var format);
            Assert.Equal(CompressionFormat.None, format);
            Assert.Equal(text, new StreamReader(input, Encoding.Latin1).ReadToEnd());
        }
    }

    [Fact]
    public void A_gzip_log_with_damaged_bytes_is_an_error_naming_the_file()
    {
        var gz = Gzip(File.ReadAllBytes(Seed));
        for (var i = 12; i < 40; i++)
            gz[i] ^= 0x5A;
        var error = Assert.Throws<CorruptArchiveException>(() => Titles(new MemoryStream(gz), "host.log.2.gz"));
        Assert.StartsWith("host.log.2.gz: corrupt gzip archive: ", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_log_is_an_error_not_a_shorter_log()
    {
        var gz = Gzip(File.ReadAllBytes(Seed));
        var error = Assert.Throws<CorruptArchiveException>(() => Titles(new MemoryStream(gz[..(gz.Length / 2)]), "cut.gz"));
        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [InlineData("xen-dom0-inet-diag.log.xz")]
    [InlineData("xen-dom0-inet-diag.log.zst")]
    [InlineData("xen-dom0-inet-diag.log.bz2")]
    public void Truncated_xz_zstd_and_bzip2_logs_are_errors(string name)
    {
        var bytes = File.ReadAllBytes(Fixture(name));
        var error = Assert.Throws<CorruptArchiveException>(() => Titles(new MemoryStream(bytes[..(bytes.Length * 2 / 3)]), name));
        Assert.StartsWith(name + ": corrupt ", error.Message);
    }

    /// <summary>Standard input: no seeking, no length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
