using System.Net.Sockets;
using System.Text;

namespace PanicLens.Server.Tests;

/// <summary>
/// Senders written for the tests where no stock program sends the format: extended netconsole (the kernel's own
/// datagram layout, fragments included) and syslog over one TCP connection in a chosen framing.
/// </summary>
public static class Senders
{
    /// <summary>
    /// Extended netconsole as drivers/net/netconsole.c sends it: `level,seq,ts,flags;msg`, a message longer than
    /// <paramref name="fragment"/> bytes split into `ncfrag=OFFSET/TOTAL` datagrams. <paramref name="skip"/> sequence
    /// numbers are never sent (a lost datagram).
    /// </summary>
    public static void Netconsole(int port, IReadOnlyList<string> lines, int fragment = 1000, ISet<int>? skip = null)
    {
        using var udp = new UdpClient();
        udp.Connect("127.0.0.1", port);
        for (var i = 0; i < lines.Count; i++)
        {
            var seq = 500 + i;
            if (skip?.Contains(i) == true)
                continue;
            var ts = 4552_000_000L + i * 1000;
            var body = lines[i];
            if (body.Length <= fragment)
                Send(udp, $"4,{seq},{ts},-;{body}");
            else
                for (var offset = 0; offset < body.Length; offset += fragment)
                    Send(udp, $"4,{seq},{ts},-,ncfrag={offset}/{body.Length};{body.Substring(offset, Math.Min(fragment, body.Length - offset))}");
            if (i % 16 == 0)
                Thread.Sleep(1);
        }
    }

    private static void Send(UdpClient udp, string datagram) => udp.Send(Encoding.Latin1.GetBytes(datagram));

    /// <summary>RFC 5424 messages over one TCP connection, octet-counted or newline-framed.</summary>
    public static void SyslogTcp(int port, string host, IReadOnlyList<string> lines, bool octetCounted)
    {
        using var tcp = new TcpClient("127.0.0.1", port);
        using var stream = tcp.GetStream();
        stream.Write(SyslogFrames(host, lines, octetCounted));
    }

    /// <summary>The bytes of RFC 5424 messages of <paramref name="host"/>, octet-counted or newline-framed.</summary>
    public static byte[] SyslogFrames(string host, IReadOnlyList<string> lines, bool octetCounted)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var message = $"<4>1 2026-12-03T10:57:36.000000+00:00 {host} kernel - - - {line}";
            if (octetCounted)
                text.Append(Encoding.Latin1.GetByteCount(message)).Append(' ').Append(message);
            else
                text.Append(message).Append('\n');
        }
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
