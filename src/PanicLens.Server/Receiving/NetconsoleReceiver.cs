using System.Net;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;

namespace PanicLens.Server.Receiving;

/// <summary>
/// Netconsole over UDP, plain (console text, lines possibly split across datagrams) and extended (one record per
/// datagram with level, sequence and time; long records as `ncfrag` fragments). The sender's address names the host
/// (netconsole sends no host name), or the name configured for it. A sequence gap is counted and marks the host's open report lossy.
/// </summary>
public sealed class NetconsoleReceiver : IReceiver
{
    public const string Source = "netconsole";

    /// <summary>Senders remembered at once (each a few small buffers).</summary>
    private const int MaxSenders = 4096;

    private readonly UdpDatagrams socket;
    private readonly LiveCollector collector;
    private readonly ServerMetrics metrics;
    private readonly LiveLimits limits;
    private readonly Dictionary<string, NetconsoleSender> senders = [];

    private readonly IReadOnlyDictionary<string, string> names;

    public NetconsoleReceiver(IPAddress bind, int port, LiveCollector collector, ServerMetrics metrics, LiveLimits limits,
        IReadOnlyDictionary<string, string> names)
    {
        this.names = names;
        socket = new UdpDatagrams(bind, port, Name, metrics, limits.UdpReceiveBuffer);
        this.collector = collector;
        this.metrics = metrics;
        this.limits = limits;
    }

    public string Name => "netconsole-udp";

    public int Port => socket.Port;

    public Task Run(CancellationToken stop) => socket.Run((datagram, sender) => Deliver(datagram, names.GetValueOrDefault(sender, sender)), stop);

    /// <summary>One datagram of <paramref name="host"/>.</summary>
    public void Deliver(string datagram, string host)
    {
        var sender = Sender(host);
        if (!NetconsoleRecord.TryParse(datagram, out var record))
        {
            foreach (var line in sender.Lines(datagram, limits.MaxLineLength))
                collector.Add(host, Source, Name, line);
            return;
        }
        var message = record.Message;
        if (record.IsFragment)
        {
            var dropped = sender.Dropped;
            var whole = sender.Assemble(record);
            if (sender.Dropped > dropped)
                metrics.Add("paniclens_drops_total", Name, sender.Dropped - dropped);
            if (whole is null)
                return;
            message = NetconsoleRecord.Body(whole);
        }
        if (sender.Gap(record.Sequence) is var gap and > 0)
        {
            metrics.Add("paniclens_sequence_gaps_total", Name, (long)gap);
            collector.MarkLossy(host, Source);
        }
        collector.Add(host, Source, Name, NetconsoleRecord.ConsoleLine(record.MicroSeconds, message));
    }

    private NetconsoleSender Sender(string host)
    {
        if (senders.TryGetValue(host, out var sender))
            return sender;
        if (senders.Count >= MaxSenders)
        {
            senders.Clear();
            metrics.Add("paniclens_drops_total", "netconsole-senders");
        }
        return senders[host] = new NetconsoleSender(limits.MaxMessageLength);
    }

    public void Dispose() => socket.Dispose();
}
