using System.Net;
using System.Net.Sockets;
using System.Text;
using PanicLens.Server.Operations;

namespace PanicLens.Server.Receiving;

/// <summary>
/// A bound UDP socket and its receive loop, shared by the datagram receivers: each datagram is counted for the
/// receiver and handed on as Latin-1 text (one char per byte) with its sender's address.
/// </summary>
internal sealed class UdpDatagrams : IDisposable
{
    private readonly UdpClient socket;
    private readonly string name;
    private readonly ServerMetrics metrics;

    public UdpDatagrams(IPAddress bind, int port, string name, ServerMetrics metrics, int receiveBuffer)
    {
        socket = new UdpClient(new IPEndPoint(bind, port));
        // A crash's hundred lines arrive in a burst faster than one thread parses them; the kernel buffer absorbs it
        // (Linux caps it at net.core.rmem_max). What overflows it the kernel drops and counts.
        socket.Client.ReceiveBufferSize = receiveBuffer;
        var drops = new KernelUdpDrops(socket.Client);
        if (drops.Available)
            metrics.Observe("paniclens_kernel_drops_total", name, drops.Read);
        this.name = name;
        this.metrics = metrics;
    }

    public int Port => ((IPEndPoint)socket.Client.LocalEndPoint!).Port;

    public async Task Run(Action<string, string> deliver, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await socket.ReceiveAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error from an earlier exchange and the like: the socket stays usable.
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            metrics.Add("paniclens_packets_total", name);
            metrics.Add("paniclens_bytes_total", name, datagram.Buffer.Length);
            deliver(Encoding.Latin1.GetString(datagram.Buffer), datagram.RemoteEndPoint.Address.ToString());
        }
    }

    public void Dispose() => socket.Dispose();
}
