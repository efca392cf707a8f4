using System.Text.Json;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// deploy/paniclens-scan.service runs a command this build accepts: its ExecStart, with the archive and the database
/// moved to temporary places, scans and prints the summary JSON; a second run reads nothing new. The timer of the
/// same name starts it at an interval.
/// </summary>
public sealed class ScanUnitTests
{
    private static string Deploy(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", name));

    private static string Setting(string unit, string key) =>
        unit.Split('\n').Single(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..].Trim();

    [Fact]
    public void The_units_command_scans_the_archive_and_a_second_run_reads_nothing_new()
    {
        var unit = Deploy("paniclens-scan.service");
        var exec = Setting(unit, "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var archive = Setting(unit, "ReadOnlyPaths");
        var args = exec.SkipWhile(a => !a.EndsWith("paniclens.dll", StringComparison.Ordinal)).Skip(1).ToArray();
        using var folder = new ScanFolder(Path.Combine(Path.GetTempPath(), "paniclens-unit-" + Guid.NewGuid().ToString("N") + ".db"));
        folder.Write("web-01.log", ScanFolder.Noise(10) + ScanFolder.Seed + ScanFolder.Noise(2, "a"));
        var db = args[Array.IndexOf(args, "--db") + 1];
        string[] local = [.. args.Select(a => a == archive ? folder.Root : a == db ? folder.Db : a)];

        var first = CliRun.Invoke(local);
        var second = CliRun.Invoke(local);

        Assert.Equal("scan", args[0]);
        Assert.Contains(archive, args);
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(1, JsonDocument.Parse(first.Stdout).RootElement.GetProperty("newReports").GetInt64());
        Assert.Equal(0, JsonDocument.Parse(second.Stdout).RootElement.GetProperty("bytes").GetInt64());
        Assert.Contains("1", Setting(unit, "SuccessExitStatus").Split(' '));
        File.Delete(folder.Db);
    }

    [Fact]
    public void The_timer_starts_the_scan_service_at_an_interval()
    {
        var timer = Deploy("paniclens-scan.timer");

        // A timer starts the service of its own name unless it names another with Unit=.
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "deploy", "paniclens-scan.service")));
        Assert.DoesNotContain("\nUnit=", timer);
        Assert.Matches(@"^[0-9]+(s|min|h)$", Setting(timer, "OnUnitActiveSec"));
        Assert.Equal("timers.target", Setting(timer, "WantedBy"));
    }
}
