namespace PanicLens.Server.Tests;

/// <summary>
/// A report whose `Kernel panic - not syncing` line was seen ends after the short trailing quiet: nothing but the panic's
/// own dump follows that line, so it need not wait for the stream's full quiet period.
/// </summary>
public sealed class PanicCompletionTests
{
    [Fact]
    public async Task A_report_with_its_panic_line_is_stored_well_before_the_quiet_period()
    {
        await using var server = await TestServer.Start("sqlite", o => o with { Quiet = TimeSpan.FromSeconds(20) });
        var seed = Replay.KernelLines(Replay.Seed);
        Assert.Contains(seed, line => line.Contains("Kernel panic - not syncing", StringComparison.Ordinal));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Senders.SyslogTcp(server.Port("syslog-tcp"), "panicked", seed, octetCounted: true);
        var reports = await server.Reports("panicked", timeout: 15);
        Assert.Equal(Replay.AnalyzeTitles(seed), TestServer.Titles(reports));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stored after {clock.Elapsed}: it waited for the quiet period");
    }
}
