namespace PanicLens.Readiness;

/// <summary>
/// IPv6 sockets from /proc/net/tcp6 and /proc/net/udp6. An AF_INET6 TCP listener that is not V6ONLY also
/// accepts IPv4 connections, which is what the pre-3.8 inet_diag SYN-RECV oops needs.
/// </summary>
/// <param name="StackPresent">False when /proc/net/tcp6 is absent but /proc/net/tcp exists: IPv6 is not loaded or was disabled at boot.</param>
/// <param name="TcpListenPorts">Local ports of TCP6 sockets in LISTEN state, sorted, distinct.</param>
/// <param name="UdpSockets">Number of UDP6 sockets.</param>
public sealed record Ipv6Sockets(bool StackPresent, IReadOnlyList<int> TcpListenPorts, int UdpSockets);
