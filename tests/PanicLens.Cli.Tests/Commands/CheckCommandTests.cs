using System.CommandLine;
using System.Text.Json;
using PanicLens.Cli;
using PanicLens.Cli.Commands;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>`paniclens check` through the real command tree, on fixture trees and on this machine.</summary>
public sealed class CheckCommandTests
{
    public static string Fixture(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "PanicLens.Core.Tests", "Fixtures", "hosts", name);

    public static (int Code, string Output) Run(params string[] args)
    {
        var root = new RootCommand { CheckCommand.Create(), KdumpCommand.Create(), ExposureCommand.Create() };
        var output = new StringWriter();
        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter(), EnableDefaultExceptionHandler = false });
        return (code, output.ToString());
    }

    [Fact]
    public void The_seed_host_as_json_has_the_documented_shape_and_exits_one()
    {
        var (code, output) = Run("check", "--root", Fixture("seed-xen-dom0"), "--format", "json");
        Assert.Equal(1, code);
        var doc = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, doc.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2.6.32.36-xen", doc.GetProperty("host").GetProperty("kernelRelease").GetString());
        Assert.True(doc.GetProperty("host").GetProperty("xen").GetProperty("dom0").GetBoolean());
        var checks = doc.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal("fail", checks["xen.crashkernel"].GetProperty("status").GetString());
        Assert.Equal("pass", checks["oob.serial"].GetProperty("status").GetString());
        Assert.True(checks["kdump.reserved"].GetProperty("evidence").GetArrayLength() > 0);
        Assert.True(checks["kdump.reserved"].TryGetProperty("fix", out _));
        var exposure = doc.GetProperty("exposure").EnumerateArray().Single(e => e.GetProperty("knownIssue").GetString() == "inet-diag-ipv4-synrecv-on-ipv6-listener");
        Assert.True(exposure.GetProperty("exposed").GetBoolean());
        Assert.False(exposure.GetProperty("mitigated").GetBoolean());
    }

    [Fact]
    public void Text_output_names_each_item_and_ends_with_the_counts()
    {
        var (code, output) = Run("check", "--root", Fixture("ubuntu2204-nokdump"));
        Assert.Equal(1, code);
        Assert.Contains("FAIL    kdump.loaded", output);
        Assert.Contains("fix: ", output);
        Assert.Contains("0 pass, 6 warn, 6 fail, 0 unknown", output);
    }

    [Theory]
    [InlineData("seed-xen-dom0", "This host will NOT leave a vmcore (kdump.reserved, kdump.loaded, xen.crashkernel, xen.kexec failed); its console log leaves the host (oob.serial).")]
    [InlineData("rhel7-kdump", "This host will leave a vmcore; its console log leaves the host (oob.serial, oob.netconsole).")]
    [InlineData("ubuntu2204-nokdump", "This host will NOT leave a vmcore (kdump.reserved, kdump.loaded, kdump.target failed); no serial console or netconsole keeps its console log.")]
    public void Text_output_starts_with_the_vmcore_verdict(string host, string verdict)
    {
        var (_, output) = Run("check", "--root", Fixture(host));

        Assert.Equal(verdict, output.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public void A_missing_root_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => Run("check", "--root", "/nonexistent/paniclens-host"));
    }

    [Fact]
    public void This_machine_can_be_checked_and_the_report_says_what_it_could_not_read()
    {
        var (code, output) = Run("check", "--format", "json");
        Assert.InRange(code, 0, 1);
        var host = JsonDocument.Parse(output).RootElement.GetProperty("host");
        Assert.Equal("/", host.GetProperty("root").GetString());
        foreach (var file in host.GetProperty("unreadable").EnumerateArray())
            Assert.False(string.IsNullOrEmpty(file.GetProperty("problem").GetString()));
        var (textCode, text) = Run("check");
        Assert.Equal(code, textCode);
        if (host.GetProperty("unreadable").GetArrayLength() > 0)
            Assert.Contains("Could not read", text);
    }
}
