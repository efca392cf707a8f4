using System.Net.Http.Headers;
using System.Text.Json;
using PanicLens.Cli.Rendering;
using PanicLens.Cli.Scanning;
using PanicLens.Knowledge;
using PanicLens.Storage.Tests;

namespace PanicLens.Server.Tests;

/// <summary>
/// A real `serve` in this process: every receiver on a port the system picks, on a fresh SQLite file or PostgreSQL
/// database, with a follow folder of its own, the scan's conversion and the buckets verb's JSON wired as the CLI
/// wires them. Short quiet periods keep the tests quick; nothing else differs from production.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string Token = "test-write-token";
    public const string ViewerToken = "test-viewer-token";

    private static readonly Lazy<KnowledgeBase> Knowledge = new(() => KnowledgeLoader.Load([]));

    /// <summary>Null when the store belongs to the caller (several servers on one store).</summary>
    private readonly TestStores? stores;

    private TestServer(LiveServer server, TestStores? stores, string uri, string follow)
    {
        Server = server;
        this.stores = stores;
        StoreUri = uri;
        FollowFolder = follow;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public LiveServer Server { get; }
    public string StoreUri { get; }
    public string FollowFolder { get; }
    public HttpClient Http { get; }

    public static ScanContract Contract { get; } =
        new(() => Knowledge.Value, report => StoredReports.From(report, 0, pending: false), BucketListRenderer.WriteJson);

    public static async Task<TestServer> Start(string kind, Func<ServeOptions, ServeOptions>? adjust = null, string? storeUri = null)
    {
        var stores = storeUri is null ? new TestStores() : null;
        var uri = storeUri ?? stores!.NewUri(kind);
        var follow = Path.Combine(Path.GetTempPath(), "paniclens-follow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(follow);
        var options = new ServeOptions
        {
            Db = uri,
            Http = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
            SyslogUdp = 0,
            SyslogTcp = 0,
            NetconsoleUdp = 0,
            Follow = [follow],
            // Every live test runs through the spool, as production does.
            Spool = follow + ".spool",
            Tokens = [Token],
            ViewerTokens = [ViewerToken],
            Quiet = TimeSpan.FromMilliseconds(700),
            TrailingQuiet = TimeSpan.FromMilliseconds(200),
            FollowInterval = TimeSpan.FromMilliseconds(100),
        };
        var server = await LiveServer.Start(adjust?.Invoke(options) ?? options, Contract, logging => { });
        return new TestServer(server, stores, uri, follow);
    }

    public int Port(string receiver) => Server.PortOf(receiver);

    public async Task<JsonElement> Get(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The reports of a host, waiting up to <paramref name="timeout"/> for at least <paramref name="count"/>.</summary>
    public async Task<List<JsonElement>> Reports(string? host, int count = 1, double timeout = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            var query = host is null ? "" : "?host=" + Uri.EscapeDataString(host);
            var reports = (await Get("/api/v1/reports" + query)).GetProperty("reports").EnumerateArray().ToList();
            if (reports.Count >= count || DateTime.UtcNow > until)
                return reports;
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the live path has stored <paramref name="count"/> reports (metrics), then a quiet moment more.</summary>
    public async Task Settle(long count, double timeout = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(timeout);
        while (Stored() < count && DateTime.UtcNow < until)
            await Task.Delay(100);
        await Task.Delay(1500);
    }

    private long Stored()
    {
        long total = 0;
        foreach (var source in new[] { "syslog", "netconsole", "console", "upload" })
            total += Server.Metrics.Get("paniclens_reports_total", source);
        return total;
    }

    public static List<string> Titles(IEnumerable<JsonElement> reports) =>
        [.. reports.Select(r => r.GetProperty("title").GetString()!).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        stores?.Dispose();
        Directory.Delete(FollowFolder, recursive: true);
        if (Server.Spool is { } spool && Directory.Exists(spool))
            Directory.Delete(spool, recursive: true);
    }
}
