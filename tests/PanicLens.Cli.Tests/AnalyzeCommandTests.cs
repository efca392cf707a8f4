using System.Text.Json;

namespace PanicLens.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    private static readonly string Seed = RepoPaths.Example("xen-dom0-inet-diag.log");

    [Fact]
    public void The_seed_log_yields_one_report_with_the_fields_the_expert_read()
    {
        var run = CliRun.Invoke("analyze", "--format", "json", Seed);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        var reports = doc.RootElement.GetProperty("reports");
        Assert.Equal(1, reports.GetArrayLength());
        var r = reports[0];
        Assert.Equal(Seed, r.GetProperty("source").GetString());
        Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", r.GetProperty("title").GetString());
        Assert.Equal("ipv6_addr_copy", r.GetProperty("function").GetString());
        Assert.Equal("inet_diag", r.GetProperty("module").GetString());
        Assert.Equal("ss", r.GetProperty("process").GetProperty("comm").GetString());
        Assert.Equal(29755, r.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.Equal("2.6.32.36-xen", r.GetProperty("kernel").GetString());
        Assert.Equal("P W", r.GetProperty("taint").GetString());
        Assert.Equal("ProLiant DL380p Gen8", r.GetProperty("hardware").GetString());
        Assert.Equal("ffff8802ea75bb00", r.GetProperty("faultAddress").GetString());
        Assert.Equal("Fatal exception in interrupt", r.GetProperty("panic").GetString());
        Assert.Contains(r.GetProperty("hypervisor").EnumerateArray(),
            h => h.GetString()!.Contains("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting."));
        Assert.Equal(1, r.GetProperty("startLine").GetInt32());
        Assert.Equal(127, r.GetProperty("endLine").GetInt32());
        Assert.Equal("2017-01-14T01:04:26", r.GetProperty("timestamp").GetString());
        var ip = r.GetProperty("ip");
        Assert.Equal("ipv6_addr_copy", ip.GetProperty("function").GetString());
        Assert.Equal("9", ip.GetProperty("offset").GetString());
        Assert.Equal("19", ip.GetProperty("size").GetString());
        var frames = r.GetProperty("frames");
        Assert.Equal("inet_diag_dump", frames[0].GetProperty("function").GetString());
        Assert.True(frames[0].GetProperty("reliable").GetBoolean());
        Assert.False(frames[1].GetProperty("reliable").GetBoolean());
    }

    [Fact]
    public void Json_writes_every_contract_field_with_nulls_not_omitted()
    {
        var run = CliRun.WithStdin("[ 1.0] WARNING: CPU: 0 PID: 1 at kernel/x.c:1 f+0x1/0x2\n", "analyze", "-f", "json", "-");
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement.GetProperty("reports")[0];
        string[] contract = ["source", "title", "type", "corrupted", "startLine", "endLine", "timestamp", "kernel", "arch",
            "hardware", "process", "cpu", "taint", "faultAddress", "function", "module", "ip", "frames", "panic", "hypervisor"];
        foreach (var name in contract)
            Assert.True(r.TryGetProperty(name, out _), name);
        Assert.Equal("-", r.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("timestamp").ValueKind);
    }

    [Fact]
    public void Several_inputs_make_one_document_in_argument_order()
    {
        var run = CliRun.WithStdin(File.ReadAllBytes(Seed), "analyze", "--format", "json", Seed, "-");
        using var doc = JsonDocument.Parse(run.Stdout);
        var sources = doc.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("source").GetString()).ToList();
        Assert.Equal([Seed, "-"], sources);
    }

    [Fact]
    public void A_log_without_a_crash_exits_zero_with_no_report()
    {
        var run = CliRun.WithStdin("just a boot log\nsystemd[1]: Started foo.\n", "analyze", "-f", "json", "-");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("reports").GetArrayLength());
    }

    [Theory]
    [InlineData("no-such-file.log", "no such file")]
    [InlineData(".", "is a directory")]
    public void Unreadable_input_exits_two_with_one_line_naming_the_file(string path, string words)
    {
        var run = CliRun.Invoke("analyze", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(path, run.Stderr);
        Assert.Contains(words, run.Stderr);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = CliRun.Invoke("analyze", "--format", "yaml", Seed);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("yaml", run.Stderr);
    }

    [Fact]
    public void Text_output_to_a_pipe_has_no_escape_codes_and_names_the_crash()
    {
        var run = CliRun.Invoke("analyze", Seed);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Contains("BUG: unable to handle kernel paging request in ipv6_addr_copy", run.Stdout);
        Assert.Contains("`ss` (pid 29755)", run.Stdout);
        Assert.DoesNotContain("? alloc_skb+0x13/0x15", run.Stdout);
        Assert.Contains("? alloc_skb+0x13/0x15", CliRun.Invoke("analyze", "--full", Seed).Stdout);
    }

    [Fact]
    public void Markdown_escapes_hostile_log_text()
    {
        var log = "[ 1.0] BUG: unable to handle kernel paging request at 0000000000001000\n" +
                  "[ 1.0] CPU: 0 PID: 1 Comm: <script>x</script> Not tainted 5.10.0 #1\n" +
                  "[ 1.0] RIP: 0010:evil_fn+0x1/0x2\n[ 1.0] Call Trace:\n[ 1.0]  evil_caller+0x1/0x2\n";
        var run = CliRun.WithStdin(log, "analyze", "--format", "markdown", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("<script>", run.Stdout);
        Assert.Contains("&lt;script&gt;", run.Stdout);
    }

    [Fact]
    public void A_broken_user_knowledge_file_stops_before_any_output_naming_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("paniclens-kb-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "broken.yaml"), "id: broken-entry\ntitle: x\nmatch:\n  title: '(unclosed'\n");
            var run = CliRun.Invoke("analyze", "--format", "json", "--kb", dir, Seed);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Stdout);
            Assert.Contains("broken.yaml:", run.Stderr);
            Assert.DoesNotContain("   at ", run.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
