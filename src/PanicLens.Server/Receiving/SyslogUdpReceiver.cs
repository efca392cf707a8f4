using System.Net;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;

namespace PanicLens.Server.Receiving;

/// <summary>Syslog over UDP (RFC 5426): one message per datagram, RFC 3164 or 5424.</summary>
public sealed class SyslogUdpReceiver : IReceiver
{
    public const string Source = "syslog";

    private readonly UdpDatagrams socket;
    private readonly LiveCollector collector;
    private readonly ServerMetrics metrics;

    public SyslogUdpReceiver(IPAddress bind, int port, LiveCollector collector, ServerMetrics metrics, LiveLimits limits)
    {
        socket = new UdpDatagrams(bind, port, Name, metrics, limits.UdpReceiveBuffer);
        this.collector = collector;
        this.metrics = metrics;
    }

    public string Name => "syslog-udp";

    public int Port => socket.Port;

    public Task Run(CancellationToken stop) => socket.Run(Deliver, stop);

    private void Deliver(string text, string sender)
    {
        if (!SyslogMessage.TryParse(text, sender, DateTime.Now, out var message))
        {
            metrics.Add("paniclens_parse_errors_total", Name);
            return;
        }
        collector.Add(message.Host, Source, Name, message.ToConsoleLine());
    }

    public void Dispose() => socket.Dispose();
}
