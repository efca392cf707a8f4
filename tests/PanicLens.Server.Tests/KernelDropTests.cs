using System.Net.Sockets;
using System.Text;

namespace PanicLens.Server.Tests;

/// <summary>UDP has no back-pressure: what overflows a receiver's socket buffer the kernel drops, and `/metrics` shows it.</summary>
public sealed class KernelDropTests
{
    [Fact]
    public async Task Datagrams_the_kernel_drops_on_a_flooded_socket_are_counted_on_metrics()
    {
        await using var server = await TestServer.Start("sqlite", o => o with
        {
            SyslogTcp = null,
            NetconsoleUdp = null,
            Limits = o.Limits with { UdpReceiveBuffer = 4096 },
        });
        var metrics = server.Server.Metrics;
        using var udp = new UdpClient();
        udp.Connect("127.0.0.1", server.Port("syslog-udp"));
        var message = Encoding.ASCII.GetBytes("<4>1 2026-12-03T10:57:36Z flood kernel - - - [    1.000000] eth0: rx packet accepted by filter table mangle");
        const int Sent = 50_000;
        for (var i = 0; i < Sent; i++)
            udp.Send(message);

        // Every datagram is either read by the receiver or dropped by the kernel.
        long packets = 0, drops = 0;
        for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until; await Task.Delay(100))
        {
            packets = metrics.Get("paniclens_packets_total", "syslog-udp");
            drops = metrics.Get("paniclens_kernel_drops_total", "syslog-udp");
            if (packets + drops == Sent)
                break;
        }
        Assert.True(drops > 0, $"no drop counted, {packets} of {Sent} datagrams read: the flood did not overflow the buffer");
        Assert.Equal(Sent, packets + drops);
        var text = await server.Http.GetStringAsync("/metrics");
        Assert.Contains($"paniclens_kernel_drops_total{{receiver=\"syslog-udp\"}} {drops}\n", text);
    }
}
