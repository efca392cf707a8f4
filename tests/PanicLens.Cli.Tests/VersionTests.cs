using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PanicLens.Cli.Tests;

/// <summary>`paniclens --version`: the version and the commit this build came from.</summary>
public sealed class VersionTests
{
    [Theory]
    [InlineData("0.1.0+5d846f462ef3cf5c02971f7318a5552d8b5bb8d5", "paniclens 0.1.0 (commit 5d846f462ef3)")]
    [InlineData("0.2.0-beta.1+abc", "paniclens 0.2.0-beta.1 (commit abc)")]
    [InlineData("0.1.0", "paniclens 0.1.0 (commit unknown)")]
    [InlineData(null, "paniclens 0.0.0 (commit unknown)")]
    public void The_informational_version_becomes_version_and_commit(string? informational, string expected) =>
        Assert.Equal(expected, ToolVersion.Describe(informational));

    [Fact]
    public void Version_names_a_commit_of_this_repository()
    {
        var run = CliRun.Invoke("--version");
        Assert.Equal(0, run.ExitCode);
        var match = Regex.Match(run.Stdout, @"^paniclens (\d+\.\d+\.\d+\S*) \(commit ([0-9a-f]{12})\)\n$");
        Assert.True(match.Success, run.Stdout);
        // Built from this clone: the commit exists in it (it may be behind HEAD when tests run on an older build).
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", RepoPaths.Root, "cat-file", "-e", match.Groups[2].Value + "^{commit}"]))!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
    }
}
