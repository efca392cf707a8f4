using System.Net;

namespace PanicLens.Server;

/// <summary>
/// How `serve` runs: where it listens, where it stores, who may read and write, and the bounds that keep a hostile
/// or broken sender from growing its memory. A port of 0 asks the system for a free one (tests); null leaves that
/// receiver off.
/// </summary>
public sealed record ServeOptions
{
    public string? Db { get; init; }
    public IPEndPoint Http { get; init; } = new(IPAddress.Loopback, 8514);
    public IPAddress Bind { get; init; } = IPAddress.Loopback;
    public int? SyslogUdp { get; init; }
    public int? SyslogTcp { get; init; }
    public int? NetconsoleUdp { get; init; }
    public IReadOnlyList<string> Follow { get; init; } = [];
    /// <summary>Netconsole sends no host name: sender address → host name (unlisted senders are named by address).</summary>
    public IReadOnlyDictionary<string, string> NetconsoleHosts { get; init; } = new Dictionary<string, string>();

    /// <summary>Tokens that may write (upload logs) and read; <see cref="ViewerTokens"/> may only read.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];
    public IReadOnlyList<string> ViewerTokens { get; init; } = [];

    /// <summary>A report still open after this long without a line from its stream is complete.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>After `---[ end trace`, a panic line may still follow; this long without one closes the report.</summary>
    public TimeSpan TrailingQuiet { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>How often the follower looks at its folders for new bytes, rotation and truncation.</summary>
    public TimeSpan FollowInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public LiveLimits Limits { get; init; } = new();

    /// <summary>Where alerts go (none: no alerts).</summary>
    public IReadOnlyList<Alerting.WebhookRule> Webhooks { get; init; } = [];

    /// <summary>Where the received stream is spooled (see <see cref="Streaming.Spool"/>); null: not spooled.</summary>
    public string? Spool { get; init; }

    /// <summary>`--spool none`: no spool (a crash of the process loses the reports still open or queued).</summary>
    public const string NoSpool = "none";

    /// <summary>
    /// The spool the command line uses when none is named: beside a SQLite file (`crashes.db.spool`), else under
    /// systemd's `$STATE_DIRECTORY` or `$XDG_STATE_HOME/paniclens` (`~/.local/state/paniclens`), one per HTTP port so
    /// several collectors on one machine do not share one.
    /// </summary>
    public static string DefaultSpool(string? db, IPEndPoint http)
    {
        db ??= Storage.CrashStores.DefaultPath;
        if (!db.Contains("://", StringComparison.Ordinal))
            return (db.StartsWith("sqlite:", StringComparison.Ordinal) ? db["sqlite:".Length..] : db) + ".spool";
        var state = Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } systemd
            ? systemd.Split(':')[0]
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "paniclens");
        return Path.Combine(state, $"spool-{http.Port}");
    }

    /// <summary>PEM certificate (its chain after it) and private key of the HTTP listener: both set, it serves HTTPS only.</summary>
    public string? TlsCert { get; init; }
    public string? TlsKey { get; init; }

    /// <summary>The dashboard's address as people reach it, for links in alerts (default: the bound address).</summary>
    public Uri? PublicUrl { get; init; }
}

/// <summary>The bounds of live collection; every buffer a sender can grow has one.</summary>
public sealed record LiveLimits
{
    /// <summary>Longest line kept (the rest is cut, as `analyze` cuts it).</summary>
    public int MaxLineLength { get; init; } = Ingest.LineReader.MaxLineLength;
    /// <summary>Lines kept before a header per stream: a report's first lines may come before its header.</summary>
    public int ContextLines { get; init; } = 64;
    /// <summary>Lines of one open report; a longer one is closed and marked lossy.</summary>
    public int MaxReportLines { get; init; } = 4000;
    /// <summary>Live streams (host × source) with an open report or context; the stalest is dropped past this.</summary>
    public int MaxStreams { get; init; } = 4096;
    /// <summary>Completed reports waiting for the store; a full queue makes receivers wait (TCP) or drop (UDP, counted).</summary>
    public int QueueLength { get; init; } = 1024;
    /// <summary>Largest syslog message (octet-counted or newline-framed) and netconsole datagram reassembly.</summary>
    public int MaxMessageLength { get; init; } = 64 << 10;
    /// <summary>Receive buffer asked for each UDP socket (Linux grants at most net.core.rmem_max; root up to this).</summary>
    public int UdpReceiveBuffer { get; init; } = 8 << 20;
    /// <summary>TCP syslog connections at once; more are refused (counted).</summary>
    public int MaxConnections { get; init; } = 512;
    /// <summary>Spool segments written between two checkpoints (one a second); past it events are not spooled (counted).</summary>
    public long MaxSpoolBytes { get; init; } = 1L << 30;
    /// <summary>Largest `POST /api/v1/logs` body, compressed bytes.</summary>
    public long MaxUploadBytes { get; init; } = 256L << 20;
}
