using PanicLens.Knowledge;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>A knowledge file with mistakes is refused with every mistake, each with file, line and field.</summary>
public sealed class KnowledgeFileMistakeTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("paniclens-kb-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // Line numbers in comments: each mistake sits on a known line so the test can pin it.
    private const string Broken = """
        id: Bad Id
        title: broken entry
        summary: has one mistake of each kind
        colour: red
        match:
          title: "BUG: (unclosed"
          functions: [foo]
          kernel: ["<< 3.8", ">= 4.4, < x"]
        references:
          - url: ftp://example.org/x
        mitigations:
          - id: m1
            title: something
            rebootRequired: maybe
            removesTrigger: perhaps
            commands:
              runtime: [echo]
            risk: none
          - title: no id
            rebootRequired: false
            removesTrigger: "no"
            commands: {}
            risk: none
        tests:
          matches:
            - function: foo
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Every_mistake_in_a_file_is_reported_with_its_line_and_field()
    {
        var path = Write("broken.yaml", Broken);
        var check = KnowledgeLoader.Check([directory], includeShipped: false);
        Assert.Empty(check.Issues);
        var found = check.Errors.Select(e => (e.File, e.Line, e.Field)).ToList();
        Assert.All(check.Errors, e => Assert.Equal(path, e.File));
        Assert.Contains((path, 1, "id"), found);
        Assert.Contains((path, 4, "colour"), found);
        Assert.Contains((path, 6, "match.title"), found);
        Assert.Contains((path, 8, "match.kernel[0]"), found);
        Assert.Contains((path, 8, "match.kernel[1]"), found);
        Assert.Contains((path, 10, "references[0].url"), found);
        Assert.Contains((path, 14, "mitigations[0].rebootRequired"), found);
        Assert.Contains((path, 15, "mitigations[0].removesTrigger"), found);
        Assert.Contains(found, f => f.Field == "mitigations[1].id");
        Assert.Contains((path, 22, "mitigations[1].commands"), found);
        Assert.Contains(found, f => f.Field == "tests.nearMisses");
    }

    [Theory]
    [InlineData(@"foo(?=bar)", "(?=")]
    [InlineData(@"(?<!x)foo", "(?<!")]
    [InlineData(@"(a)\1", @"\1")]
    [InlineData(@"(?>a+)b", "(?>")]
    [InlineData(@"\Gfoo", @"\G")]
    public void A_pattern_the_linear_engine_cannot_run_is_a_mistake(string pattern, string construct)
    {
        var path = Write("lookaround.yaml", $"""
            id: lookaround
            title: t
            summary: s
            match:
              text: '{pattern}'
            references:
              - url: https://example.org/
            tests:
              matches: [{"{"}lines: [foobar]{"}"}]
              nearMisses: [{"{"}lines: [x], why: w{"}"}]
            """);
        var check = KnowledgeLoader.Check([directory], includeShipped: false);
        var error = Assert.Single(check.Errors, e => e.Field == "match.text");
        Assert.Equal((path, 5), (error.File, error.Line));
        Assert.Contains($"'{construct}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_id_and_title_are_reported_and_the_other_files_are_still_checked()
    {
        var untitled = Write("a-untitled.yaml", "summary: s\nmatch:\n  functions: [f]\nreferences:\n  - url: https://example.org/\ntests:\n  matches: [{function: f}]\n  nearMisses: [{function: g, why: other}]\n");
        var wrongType = Write("b-wrong-type.yaml", "- just\n- a list\n");
        var check = KnowledgeLoader.Check([directory], includeShipped: false);
        Assert.Contains(check.Errors, e => (e.File, e.Field) == (untitled, "id") && e.Message == "is required");
        Assert.Contains(check.Errors, e => (e.File, e.Field) == (untitled, "title") && e.Message == "is required");
        Assert.Contains(check.Errors, e => e.File == wrongType && e.Line == 1 && e.Message.Contains("mapping", StringComparison.Ordinal));
        Assert.Equal(2, check.Files);
    }

    [Fact]
    public void Broken_yaml_is_reported_at_its_line_rather_than_skipped()
    {
        var path = Write("syntax.yaml", "id: x-y-z\ntitle: [unclosed\nsummary: s\n");
        var check = KnowledgeLoader.Check([directory], includeShipped: false);
        var error = Assert.Single(check.Errors);
        Assert.Equal(path, error.File);
        Assert.InRange(error.Line, 2, 4);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void A_user_entry_reusing_a_shipped_id_is_a_duplicate()
    {
        var shipped = KnowledgeLoader.ShippedFiles().First();
        var path = Write("copy.yaml", shipped.Text);
        var check = KnowledgeLoader.Check([directory], includeShipped: true);
        var error = Assert.Single(check.Errors);
        Assert.Equal((path, "id"), (error.File, error.Field));
        Assert.Contains("duplicate id", error.Message);
        Assert.Throws<KnowledgeException>(() => KnowledgeLoader.Load([directory]));
    }

    [Fact]
    public void An_example_that_does_not_match_its_own_entry_is_a_mistake()
    {
        var path = Write("self.yaml", """
            id: self-test-fails
            title: t
            summary: s
            match:
              functions: [foo]
              kernel: ["< 3.8"]
            references:
              - url: https://example.org/
            tests:
              matches:
                - function: bar
              nearMisses:
                - function: foo
                  kernel: "3.2"
                  why: in range, so it matches and the test must catch that
            """);
        var check = KnowledgeLoader.Check([directory], includeShipped: false);
        Assert.Contains(check.Errors, e => e.File == path && e.Field == "tests.matches" && e.Line == 11);
        Assert.Contains(check.Errors, e => e.File == path && e.Field == "tests.nearMisses" && e.Line == 13);
    }

    [Fact]
    public void A_missing_directory_is_an_environment_error_not_an_empty_base() =>
        Assert.Throws<DirectoryNotFoundException>(() => KnowledgeLoader.Check([Path.Combine(directory, "nope")]));
}
