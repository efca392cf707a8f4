using PanicLens.Mining.Checking;

namespace PanicLens.Mining.Tests;

public sealed class DigestWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digest-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Groups_come_largest_first_with_count_subject_and_an_excerpt_marking_the_evidence_line()
    {
        var file = Path.Combine(folder, "abc.txt");
        File.WriteAllText(file, "hi\n> BUG: x\n> RIP: 0010:foo+0x1/0x2\n>  bar+0x1/0x2\n");
        File.WriteAllText(Path.Combine(folder, "index.tsv"), "abc.txt\tc0ffee\thash\tdate\t<id>\tRe: [PATCH] fix `foo`\n");
        Failure Quoted() => new(file, 2, CheckRules.NotDetected, "crash text mail-quoted with `>`", "> BUG: x");
        var failures = new[]
        {
            new Failure(file, 3, CheckRules.FunctionMissing, "rare cause", "> RIP: 0010:foo+0x1/0x2") { Title = "BUG in corrupted" },
            Quoted(), Quoted(),
        };
        var output = new StringWriter();
        DigestWriter.Write(output, "figures here\n", failures);
        var digest = output.ToString();
        Assert.Contains("```\nfigures here\n```", digest, StringComparison.Ordinal);
        Assert.Contains("| crash-not-detected | 2 | 2 crash text mail-quoted with `>` |", digest, StringComparison.Ordinal);
        Assert.True(digest.IndexOf("## crash-not-detected: 2 failures", StringComparison.Ordinal) < digest.IndexOf("## function-missing", StringComparison.Ordinal));
        Assert.Contains("### 2 × crash text mail-quoted with `>`", digest, StringComparison.Ordinal);
        Assert.Contains($"`{file}` line 2 («Re: [PATCH] fix 'foo'»)", digest, StringComparison.Ordinal);
        Assert.Contains("    2> > BUG: x", digest, StringComparison.Ordinal);
        Assert.Contains("title `BUG in corrupted`", digest, StringComparison.Ordinal);
    }
}
