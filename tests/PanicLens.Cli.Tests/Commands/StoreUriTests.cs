namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// The reading commands query a store that exists: a mistyped `--db` is one line naming it and exit 2, never a new empty
/// store answering "0 buckets". A URI of a database PanicLens does not speak is named as such, for every command.
/// </summary>
public sealed class StoreUriTests
{
    [Theory]
    [InlineData("buckets")]
    [InlineData("hosts")]
    [InlineData("show", "b0123456789ab")]
    public void A_reading_command_on_a_missing_store_says_so_and_creates_nothing(params string[] command)
    {
        foreach (var form in new[] { "", "sqlite:" })
        {
            var path = Path.Combine(Path.GetTempPath(), "paniclens-missing-" + Guid.NewGuid().ToString("N") + ".db");

            var run = CliRun.Invoke([.. command, "--db", form + path]);

            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Stderr.Trim().Split('\n'));
            Assert.Contains(path, run.Stderr);
            Assert.False(File.Exists(path), $"{string.Join(' ', command)} created {path}");
        }
    }

    [Theory]
    [InlineData("mysql://root@db/crashes", "mysql")]
    [InlineData("sqlite3://x.db", "sqlite3")]
    [InlineData("HTTP://collector:8514/", "HTTP")]
    public void An_unknown_uri_scheme_is_named_for_scanning_and_reading_commands(string uri, string scheme)
    {
        foreach (var command in new[] { new[] { "scan", Path.GetTempPath() }, ["buckets"], ["hosts"] })
        {
            var run = CliRun.Invoke([.. command, "--db", uri]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"`{scheme}`", run.Stderr);
            Assert.DoesNotContain("SQLite Error", run.Stderr);
        }
    }
}
