namespace PanicLens.Server.Receiving;

/// <summary>A listener of the live path. It binds in its constructor (so `/healthz` can say all listen) and runs until stopped.</summary>
public interface IReceiver : IDisposable
{
    /// <summary>The metrics label: `syslog-udp`, `syslog-tcp`, `netconsole-udp`, `follow`.</summary>
    string Name { get; }

    /// <summary>The bound port (the system's choice when 0 was asked), or 0 for a receiver without one.</summary>
    int Port { get; }

    Task Run(CancellationToken stop);
}
