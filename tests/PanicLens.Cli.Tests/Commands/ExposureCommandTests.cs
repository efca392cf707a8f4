using System.Text.Json;
using PanicLens.Cli;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>`paniclens kdump plan` and `paniclens exposure` through the real command tree.</summary>
public sealed class ExposureCommandTests : IDisposable
{
    private const string InetDiag = "inet-diag-ipv4-synrecv-on-ipv6-listener";
    private readonly string directory = Directory.CreateTempSubdirectory("paniclens-fleet-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string CheckJson(string fixture, string name)
    {
        var (_, json) = CheckCommandTests.Run("check", "--root", CheckCommandTests.Fixture(fixture), "--format", "json");
        var path = Path.Combine(directory, name + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_fleet_view_counts_every_file_once_and_lists_the_exposed_host()
    {
        CheckJson("seed-xen-dom0", "dom0-a");
        CheckJson("rhel7-kdump", "db07");
        CheckJson("ubuntu2204-nokdump", "web03");
        File.WriteAllText(Path.Combine(directory, "truncated.json"), "{\"schemaVersion\":1,");
        var (code, output) = CheckCommandTests.Run("exposure", "--kb-id", InetDiag, directory, "--format", "json");
        Assert.Equal(1, code);
        var fleet = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4, fleet.GetProperty("files").GetInt32());
        Assert.Equal(1, fleet.GetProperty("exposedNotMitigated").GetInt32());
        Assert.Equal(2, fleet.GetProperty("notExposed").GetInt32());
        Assert.Equal(1, fleet.GetProperty("unreadable").GetArrayLength());
        Assert.Equal("xen-dom0-seed", fleet.GetProperty("exposed")[0].GetProperty("host").GetString());
    }

    [Fact]
    public void A_fleet_with_no_exposed_host_exits_zero_and_says_so()
    {
        var file = CheckJson("rhel9-notloaded", "app9");
        var (code, output) = CheckCommandTests.Run("exposure", "--kb-id", InetDiag, file);
        Assert.Equal(0, code);
        Assert.StartsWith($"{InetDiag}: 0 of 1 hosts exposed", output);
    }

    [Fact]
    public void An_unknown_known_issue_id_is_a_usage_error()
    {
        var file = CheckJson("rhel9-notloaded", "app9");
        Assert.Throws<UsageException>(() => CheckCommandTests.Run("exposure", "--kb-id", "no-such-issue", file));
    }

    [Fact]
    public void The_kdump_plan_detects_the_seed_host_as_a_rhel6_Xen_Dom0()
    {
        var (code, output) = CheckCommandTests.Run("kdump", "plan", "--root", CheckCommandTests.Fixture("seed-xen-dom0"));
        Assert.Equal(0, code);
        Assert.StartsWith("kdump plan for rhel6 (Xen Dom0), 15814 MiB RAM: crashkernel=256M", output);
        Assert.Contains("crashkernel=256M@64M", output);
        Assert.Contains("chkconfig kdump on", output);
    }

    [Fact]
    public void The_kdump_plan_for_a_named_distribution_does_not_read_this_machine()
    {
        var (_, output) = CheckCommandTests.Run("kdump", "plan", "--distro", "debian");
        Assert.StartsWith("kdump plan for debian, RAM unknown", output);
        Assert.Contains("systemctl enable kdump-tools", output);
    }
}
