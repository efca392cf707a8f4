using System.CommandLine;
using System.Text.Json;
using PanicLens.Cli;
using PanicLens.Cli.Commands;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>`paniclens kb` through the real command tree, output captured.</summary>
public sealed class KbCommandTests : IDisposable
{
    private const string SeedId = "inet-diag-ipv4-synrecv-on-ipv6-listener";
    private readonly string directory = Directory.CreateTempSubdirectory("paniclens-kbcli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int Code, string Output) Run(params string[] args)
    {
        var root = new RootCommand { KbCommand.Create() };
        var output = new StringWriter();
        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter(), EnableDefaultExceptionHandler = false });
        return (code, output.ToString());
    }

    private static readonly string GoodEntry = """
        id: local-widget-oops
        title: widget driver oops in widget_poll
        summary: a site-specific issue
        match:
          functions: [widget_poll]
        references:
          - url: https://example.com/widget
        tests:
          matches:
            - function: widget_poll
          nearMisses:
            - function: widget_open
              why: another function
        """;

    [Fact]
    public void List_names_every_shipped_entry_and_exits_zero()
    {
        var (code, output) = Run("kb", "list");
        Assert.Equal(0, code);
        Assert.Contains(SeedId, output);
        Assert.Contains("3.8", output);
    }

    [Fact]
    public void Show_as_json_ranks_mitigations_and_keeps_the_disable_ipv6_verdict()
    {
        var (code, output) = Run("kb", "show", SeedId, "--format", "json");
        Assert.Equal(0, code);
        var issue = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal("inet_diag: fix oops for IPv4 AF_INET6 TCP SYN-RECV state", issue.GetProperty("fix").GetProperty("subject").GetString());
        var mitigations = issue.GetProperty("mitigations").EnumerateArray().ToList();
        Assert.Equal("stop-ss-syn-recv-dumps", mitigations[0].GetProperty("id").GetString());
        var verdict = mitigations.Single(m => m.GetProperty("id").GetString() == "runtime-disable-ipv6-is-not-enough");
        Assert.Equal("no", verdict.GetProperty("removesTrigger").GetString());
    }

    [Fact]
    public void Show_of_an_unknown_id_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => Run("kb", "show", "no-such-issue"));

    [Fact]
    public void Validate_of_a_clean_directory_exits_zero()
    {
        File.WriteAllText(Path.Combine(directory, "widget.yaml"), GoodEntry);
        var (code, output) = Run("kb", "validate", directory);
        Assert.Equal(0, code);
        Assert.Contains("0 mistakes", output);
    }

    [Fact]
    public void Validate_lists_each_mistake_with_file_line_and_field_and_exits_one()
    {
        var path = Path.Combine(directory, "bad.yaml");
        File.WriteAllText(path, GoodEntry.Replace("functions: [widget_poll]", "functions: [widget_poll]\n  kernel: [\"about 3\"]") + "\nmitigations:\n  - id: m\n    title: t\n    rebootRequired: false\n    removesTrigger: maybe\n    commands: {runtime: [x]}\n    risk: r\n");
        var (code, output) = Run("kb", "validate", directory);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:6: match.kernel[0]: bad version range", output);
        Assert.Contains($"{path}:19: mitigations[0].removesTrigger: 'maybe' must be yes, partly or no", output);
    }

    [Fact]
    public void Validate_of_the_repository_knowledge_folder_checks_the_working_copy_and_exits_zero()
    {
        var (code, output) = Run("kb", "validate", Path.Combine(RepoPaths.Root, "knowledge"));
        Assert.True(code == 0, output);
        Assert.Contains("0 mistakes", output);
    }

    [Fact]
    public void Show_prints_the_host_section_readiness_uses()
    {
        var (code, output) = Run("kb", "show", SeedId);
        Assert.Equal(0, code);
        Assert.Contains("socket in /proc/net/tcp6 state LISTEN", output);
        Assert.Contains("mitigated by ipv6-disable-at-boot when: cmdline has ipv6.disable=1", output);
    }

    [Fact]
    public void Validate_of_a_missing_directory_cannot_run() =>
        Assert.Throws<UsageException>(() => Run("kb", "validate", Path.Combine(directory, "missing")));

    [Fact]
    public void A_kb_directory_adds_its_entries_to_list_and_show()
    {
        File.WriteAllText(Path.Combine(directory, "widget.yaml"), GoodEntry);
        var (code, output) = Run("kb", "list", "--kb", directory);
        Assert.Equal(0, code);
        Assert.Contains("local-widget-oops", output);
        Assert.Equal(0, Run("kb", "show", "local-widget-oops", "--kb", directory).Code);
    }

    [Fact]
    public void A_broken_kb_directory_stops_the_command_with_every_mistake()
    {
        File.WriteAllText(Path.Combine(directory, "broken.yaml"), "id: broken-one\ntitle: t\n");
        var error = Assert.Throws<UsageException>(() => Run("kb", "list", "--kb", directory));
        Assert.Contains("broken.yaml:1: summary: is required", error.Message);
        Assert.Contains("broken.yaml:1: match: is required", error.Message);
    }
}
