using PanicLens.Server.Operations;
using PanicLens.Server.Receiving;
using PanicLens.Server.Streaming;
using Xunit;

namespace PanicLens.Server.Tests;

/// <summary>
/// Shutdown disposes the follower while its loop may be inside a poll (LiveServer.DisposeAsync cancels, then
/// disposes receivers, then awaits their loops): a poll after or during the dispose reads nothing and throws nothing.
/// A FIFO beside the logs is never opened (the open would wait for a writer and stop every poll).
/// </summary>
public sealed class FollowReceiverShutdownTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("paniclens-follow-shutdown-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private FollowReceiver Receiver()
    {
        var options = new ServeOptions { Follow = [folder] };
        var metrics = new ServerMetrics();
        return new FollowReceiver([folder], TimeSpan.FromMilliseconds(10), new LiveCollector(options, metrics), metrics, options.Limits);
    }

    [Fact]
    public void A_poll_after_dispose_reads_nothing_and_throws_nothing()
    {
        var log = Path.Combine(folder, "web-01.log");
        File.WriteAllText(log, "boot\n");
        var receiver = Receiver();
        receiver.Poll();
        File.AppendAllText(log, "BUG: unable to handle page fault for address: 0000000000000008\n");
        receiver.Dispose();

        var poll = Record.Exception(receiver.Poll);

        Assert.Null(poll);
    }

    [Fact]
    public async Task A_fifo_in_the_followed_folder_is_passed_over_and_the_logs_beside_it_are_read()
    {
        var log = Path.Combine(folder, "web-03.log");
        File.WriteAllText(log, "");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(folder, "xconsole")]))
            await mkfifo.WaitForExitAsync();
        var options = new ServeOptions { Follow = [folder] };
        var metrics = new ServerMetrics();
        // Not `using`: a poll stuck in the FIFO's open holds the receiver's lock, and a dispose would wait for it too.
        var receiver = new FollowReceiver([folder], TimeSpan.FromMilliseconds(10), new LiveCollector(options, metrics), metrics, options.Limits);

        await Task.Run(receiver.Poll).WaitAsync(TimeSpan.FromSeconds(30));
        File.AppendAllText(log, "one line\n");
        await Task.Run(receiver.Poll).WaitAsync(TimeSpan.FromSeconds(30));
        receiver.Dispose();

        Assert.Equal("one line\n".Length, metrics.Get("paniclens_bytes_total", "follow"));
    }

    [Fact]
    public async Task Disposing_while_the_loop_polls_a_growing_file_ends_the_loop_without_an_exception()
    {
        var log = Path.Combine(folder, "web-02.log");
        File.WriteAllText(log, "boot\n");
        for (var round = 0; round < 20; round++)
        {
            var receiver = Receiver();
            using var stop = new CancellationTokenSource();
            var loop = Task.Run(() => receiver.Run(stop.Token));
            for (var i = 0; i < 200; i++)
                File.AppendAllText(log, $"[ {round}.{i:D6}] line {i}\n");
            await stop.CancelAsync();
            receiver.Dispose();

            var ended = await Record.ExceptionAsync(() => loop);

            Assert.Null(ended);
        }
    }
}
