using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;

namespace PanicLens.Server.Receiving;

/// <summary>
/// Syslog over TCP (RFC 6587): each connection on its own task, framed by <see cref="SyslogFramer"/>. Connections are
/// bounded in number; a slow or silent client holds only its own task and buffer.
/// </summary>
public sealed class SyslogTcpReceiver : IReceiver
{
    private readonly TcpListener listener;
    private readonly LiveCollector collector;
    private readonly ServerMetrics metrics;
    private readonly LiveLimits limits;
    private int connections;

    public SyslogTcpReceiver(IPAddress bind, int port, LiveCollector collector, ServerMetrics metrics, LiveLimits limits)
    {
        listener = new TcpListener(bind, port);
        listener.Start(backlog: 256);
        this.collector = collector;
        this.metrics = metrics;
        this.limits = limits;
    }

    public string Name => "syslog-tcp";

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async Task Run(CancellationToken stop)
    {
        var running = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (Interlocked.Increment(ref connections) > limits.MaxConnections)
            {
                Interlocked.Decrement(ref connections);
                metrics.Add("paniclens_drops_total", Name);
                client.Dispose();
                continue;
            }
            running.RemoveAll(t => t.IsCompleted);
            running.Add(Task.Run(() => Serve(client, stop), CancellationToken.None));
        }
        await Task.WhenAll(running);
    }

    private async Task Serve(TcpClient client, CancellationToken stop)
    {
        var sender = ((IPEndPoint)client.Client.RemoteEndPoint!).Address.ToString();
        var framer = new SyslogFramer(limits.MaxMessageLength);
        var lines = new List<(string, string, string)>();
        try
        {
            using (client)
            {
                var reader = PipeReader.Create(client.GetStream(), new StreamPipeReaderOptions(bufferSize: 64 << 10));
                // Bytes handed back unconsumed by the last read (counted then, returned again with the new ones).
                long held = 0;
                while (true)
                {
                    var result = await reader.ReadAsync(stop);
                    var buffer = result.Buffer;
                    metrics.Add("paniclens_bytes_total", Name, buffer.Length - held);
                    while (framer.TryRead(ref buffer, out var message))
                        Deliver(message, sender, lines);
                    collector.Add(Name, lines);
                    lines.Clear();
                    // What this read brought is on its way to disk before the next read (see Spool).
                    collector.Commit();
                    if (result.IsCompleted)
                    {
                        if (framer.TryReadLast(ref buffer, out var last))
                            Deliver(last, sender, lines);
                        collector.Add(Name, lines);
                        break;
                    }
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    held = buffer.Length;
                }
                await reader.CompleteAsync();
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The peer reset or the server stops: what was framed is delivered, a half message is gone with the peer.
        }
        finally
        {
            if (framer.Dropped > 0)
                metrics.Add("paniclens_drops_total", Name, framer.Dropped);
            Interlocked.Decrement(ref connections);
        }
    }

    /// <summary>
    /// Frames, parses and detects made-up messages into a collector of its own, so the receive path is compiled
    /// before traffic arrives: a server restarted under load otherwise falls seconds behind while the JIT catches up.
    /// </summary>
    public static void WarmUp(ServeOptions options)
    {
        var metrics = new ServerMetrics();
        var receiver = new SyslogTcpReceiver(IPAddress.Loopback, 0, new LiveCollector(options, metrics), metrics, options.Limits);
        try
        {
            var text = new StringBuilder();
            for (var i = 0; i < 2000; i++)
            {
                var message = $"<4>1 2026-12-03T10:57:36Z warm-{i % 8} kernel - - - [ {i}.000000] eth0: rx packet {i} accepted";
                text.Append(message.Length).Append(' ').Append(message);
            }
            var bytes = Encoding.Latin1.GetBytes(text.ToString());
            var framer = new SyslogFramer(options.Limits.MaxMessageLength);
            var lines = new List<(string, string, string)>();
            for (var round = 0; round < 25; round++)
            {
                var buffer = new ReadOnlySequence<byte>(bytes);
                while (framer.TryRead(ref buffer, out var message))
                    receiver.Deliver(message, "127.0.0.1", lines);
                receiver.collector.Add(receiver.Name, lines);
                lines.Clear();
            }
        }
        finally
        {
            receiver.Dispose();
        }
    }

    private void Deliver(ReadOnlySequence<byte> message, string sender, List<(string, string, string)> lines)
    {
        metrics.Add("paniclens_packets_total", Name);
        var text = Encoding.Latin1.GetString(message);
        if (!SyslogMessage.TryParse(text, sender, DateTime.Now, out var parsed))
        {
            metrics.Add("paniclens_parse_errors_total", Name);
            return;
        }
        lines.Add((parsed.Host, SyslogUdpReceiver.Source, parsed.ToConsoleLine()));
    }

    public void Dispose() => listener.Stop();
}
