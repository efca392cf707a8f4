using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PanicLens.Server.Alerting;
using PanicLens.Server.Api;
using PanicLens.Server.Dashboard;
using PanicLens.Server.Operations;
using PanicLens.Server.Receiving;
using PanicLens.Server.Streaming;
using PanicLens.Storage;
using PanicLens.Server.Localization;

namespace PanicLens.Server;

/// <summary>
/// `paniclens serve`: the receivers, the streaming detector and its store writer, the API, the dashboard and the
/// metrics in one process. <see cref="Start"/> binds every listener before it returns, so `/healthz` answering means
/// all receive. Tests run it in-process on ports the system picks.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<IReceiver> receivers;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];
    private readonly Task clock;
    private readonly Task storing;
    private readonly AlertSender alerts;
    private readonly Task alerting;
    private readonly Task spooling;
    private readonly Spool? spool;

    private LiveServer(WebApplication app, ICrashStore store, ServerMetrics metrics, LiveCollector collector, ReportStorer storer,
        AlertSender alerts, List<IReceiver> receivers, Spool? spool)
    {
        this.spool = spool;
        this.alerts = alerts;
        alerting = Task.Run(() => alerts.Run(stop.Token));
        this.app = app;
        Store = store;
        Metrics = metrics;
        Collector = collector;
        Storer = storer;
        this.receivers = receivers;
        storing = Dedicated(() => storer.Run(collector, stop.Token));
        // What the last run received and did not store is queued again before any receiver runs.
        collector.Restore();
        foreach (var follow in receivers.OfType<FollowReceiver>())
            follow.Open();
        spooling = Dedicated(() => collector.RunSpool(stop.Token));
        clock = Dedicated(() => collector.RunClock(stop.Token));
        foreach (var receiver in receivers)
            running.Add(Task.Run(() => receiver.Run(stop.Token)));
    }

    /// <summary>A loop on a thread of its own, so receivers that keep every pool thread busy cannot delay it.</summary>
    private static Task Dedicated(Action loop) =>
        Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public ICrashStore Store { get; }
    public ServerMetrics Metrics { get; }
    public LiveCollector Collector { get; }
    public ReportStorer Storer { get; }
    /// <summary>The spool's folder, null without one.</summary>
    public string? Spool => spool?.Folder;
    public IReadOnlyList<IReceiver> Receivers => receivers;

    /// <summary>Every HTTP endpoint mapped (the OpenAPI test holds the description to them).</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints => ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints);

    /// <summary>The HTTP address actually bound (`http://127.0.0.1:PORT`).</summary>
    public Uri Address => new(app.Urls.First());

    public int PortOf(string receiver) => receivers.First(r => r.Name == receiver).Port;

    public static async Task<LiveServer> Start(ServeOptions options, ScanContract contract, Action<ILoggingBuilder>? logging = null)
    {
        if (options.Tokens.Count == 0 && options.ViewerTokens.Count == 0)
            throw new ServeException(Messages.Get("error.no-token"));
        var certificate = TlsCertificate.Load(options.TlsCert, options.TlsKey);
        var store = CrashStores.Open(options.Db);
        var metrics = new ServerMetrics();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is null)
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; o.UseUtcTimestamp = true; })
                .AddFilter("Microsoft", LogLevel.Warning);
        else
            logging(builder.Logging);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(options.Http, listen =>
            {
                if (certificate is not null)
                    listen.UseHttps(certificate);
            });
            k.Limits.MaxRequestBodySize = 1 << 20;
            k.Limits.MaxRequestHeadersTotalSize = 32 << 10;
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        Spool? spool = null;
        try
        {
            spool = options.Spool is null ? null : new Spool(options.Spool, options.Limits.MaxSpoolBytes, metrics,
                app.Services.GetRequiredService<ILogger<Spool>>());
        }
        catch (ServeException)
        {
            store.Dispose();
            throw;
        }
        var collector = new LiveCollector(options, metrics, spool);
        var storer = new ReportStorer(store, contract, metrics, app.Services.GetRequiredService<ILogger<ReportStorer>>());
        var alerts = new AlertSender(options.Webhooks, store, metrics, options.PublicUrl ?? new Uri($"{(certificate is null ? "http" : "https")}://{options.Http}"),
            app.Services.GetRequiredService<ILogger<AlertSender>>());
        storer.Stored += alerts.OnStored;
        storer.WarmUp();
        if (options.SyslogTcp is not null)
            SyslogTcpReceiver.WarmUp(options);
        var receivers = new List<IReceiver>();
        try
        {
            if (options.SyslogUdp is { } syslogUdp)
                receivers.Add(new SyslogUdpReceiver(options.Bind, syslogUdp, collector, metrics, options.Limits));
            if (options.SyslogTcp is { } syslogTcp)
                receivers.Add(new SyslogTcpReceiver(options.Bind, syslogTcp, collector, metrics, options.Limits));
            if (options.NetconsoleUdp is { } netconsole)
                receivers.Add(new NetconsoleReceiver(options.Bind, netconsole, collector, metrics, options.Limits, options.NetconsoleHosts));
            if (options.Follow.Count > 0)
                receivers.Add(new FollowReceiver(options.Follow, options.FollowInterval, collector, metrics, options.Limits));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            foreach (var receiver in receivers)
                receiver.Dispose();
            spool?.Dispose();
            store.Dispose();
            throw new ServeException(Messages.Format("error.cannot-listen", e.Message));
        }
        var tokens = new TokenCheck(options.Tokens, options.ViewerTokens);
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/metrics", () => Results.Text(metrics.Render(), "text/plain; version=0.0.4"))
            .AddEndpointFilterFactory((_, next) => tokens.Require(TokenCheck.Access.Read, next));
        ApiEndpoints.Map(app, store, contract, tokens);
        LogUpload.Map(app, storer, metrics, tokens, options.Limits);
        DashboardPages.Map(app, store, tokens);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            foreach (var receiver in receivers)
                receiver.Dispose();
            spool?.Dispose();
            store.Dispose();
            throw new ServeException(Messages.Format("error.cannot-listen-on", options.Http, e.Message));
        }
        return new LiveServer(app, store, metrics, collector, storer, alerts, receivers, spool);
    }

    /// <summary>Runs until SIGINT/SIGTERM (or <paramref name="cancel"/>).</summary>
    public Task WaitForShutdown(CancellationToken cancel = default) => app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var receiver in receivers)
            receiver.Dispose();
        await Task.WhenAll(running);
        // The clock flushes open reports and closes the queue; the writer stores what is left, then ends.
        await clock;
        await storing;
        await spooling;
        // Chunks the writer could not store (the database down at shutdown) stay in the spool for the next start.
        Collector.Checkpoint();
        spool?.Dispose();
        alerts.Complete();
        await alerting;
        await app.StopAsync();
        await app.DisposeAsync();
        Store.Dispose();
    }
}

/// <summary>`serve` cannot start (no token, a port taken): one line, exit 2.</summary>
public sealed class ServeException(string message) : Exception(message);
