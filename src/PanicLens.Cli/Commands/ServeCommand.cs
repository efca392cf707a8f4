using PanicLens.Cli.Localization;
using System.CommandLine;
using System.Net;
using PanicLens.Cli.Rendering;
using PanicLens.Cli.Scanning;
using PanicLens.Knowledge;
using PanicLens.Server;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens serve [--db URI] [--config FILE] [--http ADDR:PORT] [--syslog-udp P] [--syslog-tcp P] [--netconsole-udp P]
/// [--follow DIR]...`: live collection, API and dashboard. The token comes from `--token-file` or `PANICLENS_TOKEN`
/// (viewer tokens from `--viewer-token-file` or `PANICLENS_VIEWER_TOKEN`); without one it does not start. Reports are
/// stored exactly as `scan` stores them (the scan's conversion is handed to the server).
/// </summary>
public static class ServeCommand
{
    public const string TokenVariable = "PANICLENS_TOKEN";
    public const string ViewerTokenVariable = "PANICLENS_VIEWER_TOKEN";

    public static Command Create(CliIo io)
    {
        var config = new Option<string>("--config") { Description = Words.Get("help.serve.config"), HelpName = "FILE" };
        var http = new Option<string>("--http") { Description = Words.Get("help.serve.http"), HelpName = "ADDR:PORT" };
        var bind = new Option<string>("--bind") { Description = Words.Get("help.serve.bind"), HelpName = "ADDR" };
        var syslogUdp = new Option<int?>("--syslog-udp") { Description = Words.Get("help.serve.syslog-udp"), HelpName = "PORT" };
        var syslogTcp = new Option<int?>("--syslog-tcp") { Description = Words.Get("help.serve.syslog-tcp"), HelpName = "PORT" };
        var netconsole = new Option<int?>("--netconsole-udp") { Description = Words.Get("help.serve.netconsole"), HelpName = "PORT" };
        var follow = new Option<string[]>("--follow") { Description = Words.Get("help.serve.follow"), HelpName = "DIR" };
        var netconsoleHost = new Option<string[]>("--netconsole-host") { Description = Words.Get("help.serve.netconsole-host"), HelpName = "ADDR=HOST" };
        var spool = new Option<string>("--spool") { Description = Words.Get("help.serve.spool"), HelpName = "DIR" };
        var webhook = new Option<string[]>("--webhook") { Description = Words.Get("help.serve.webhook"), HelpName = "URL" };
        var tlsCert = new Option<string>("--tls-cert") { Description = Words.Get("help.serve.tls-cert"), HelpName = "FILE" };
        var tlsKey = new Option<string>("--tls-key") { Description = Words.Get("help.serve.tls-key"), HelpName = "FILE" };
        var tokenFile = new Option<string>("--token-file") { Description = Words.Format("help.serve.token-file", TokenVariable), HelpName = "FILE" };
        var viewerFile = new Option<string>("--viewer-token-file") { Description = Words.Format("help.serve.viewer-token-file", ViewerTokenVariable), HelpName = "FILE" };
        var command = new Command("serve", Words.Get("help.serve.1"))
        {
            StoreOptions.Db, config, http, bind, syslogUdp, syslogTcp, netconsole, netconsoleHost, follow, spool, webhook, tlsCert, tlsKey, tokenFile, viewerFile, KbCommand.KbOption,
        };
        command.SetAction(int (parse) =>
        {
            var options = new ServeOptions();
            try
            {
                if (parse.GetValue(config) is { } file)
                    options = ServeConfig.Read(file, options);
                options = Apply(parse, options, http, bind, syslogUdp, syslogTcp, netconsole, follow, tokenFile, viewerFile);
                options = Name(options, parse.GetValue(netconsoleHost) ?? []);
                options = options with { TlsCert = parse.GetValue(tlsCert) ?? options.TlsCert, TlsKey = parse.GetValue(tlsKey) ?? options.TlsKey };
                options = options with { Spool = parse.GetValue(spool) ?? options.Spool ?? ServeOptions.DefaultSpool(options.Db, options.Http) };
                if (options.Spool == ServeOptions.NoSpool)
                    options = options with { Spool = null };
                foreach (var url in parse.GetValue(webhook) ?? [])
                    options = options with { Webhooks = [.. options.Webhooks, new Server.Alerting.WebhookRule(ServeConfig.Url("--webhook", "url", url))] };
            }
            catch (ServeException e)
            {
                throw new UsageException(e.Message);
            }
            var knowledge = new Lazy<KnowledgeBase>(() => KbCommand.LoadKnowledge(parse));
            _ = knowledge.Value;
            var contract = new ScanContract(() => knowledge.Value, report => StoredReports.From(report, 0, pending: false), BucketListRenderer.WriteJson);
            try
            {
                var server = LiveServer.Start(options, contract).GetAwaiter().GetResult();
                io.Error.WriteLine(Words.Format("serve.started", server.Address, server.Store.Name,
                    string.Join(", ", server.Receivers.Select(r => r.Port == 0 ? r.Name : $"{r.Name} {r.Port}"))));
                server.WaitForShutdown().GetAwaiter().GetResult();
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (ServeException e)
            {
                throw new UsageException(e.Message);
            }
            return CommandBoundary.Ok;
        });
        return command;
    }

    private static ServeOptions Name(ServeOptions options, string[] pairs)
    {
        if (pairs.Length == 0)
            return options;
        var names = new Dictionary<string, string>(options.NetconsoleHosts, StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1 || !IPAddress.TryParse(pair[..equals], out _))
                throw new ServeException(Words.Format("serve.error.netconsole-host", pair));
            names[pair[..equals]] = pair[(equals + 1)..];
        }
        return options with { NetconsoleHosts = names };
    }

    private static ServeOptions Apply(ParseResult parse, ServeOptions options, Option<string> http, Option<string> bind,
        Option<int?> syslogUdp, Option<int?> syslogTcp, Option<int?> netconsole, Option<string[]> follow, Option<string> tokenFile,
        Option<string> viewerFile)
    {
        if (parse.GetValue(StoreOptions.Db) is { } db)
            options = options with { Db = db };
        if (parse.GetValue(http) is { } endpoint)
            options = options with { Http = IPEndPoint.TryParse(endpoint, out var e) && endpoint.Contains(':') ? e : throw new ServeException(Words.Format("serve.error.http", endpoint)) };
        if (parse.GetValue(bind) is { } address)
            options = options with { Bind = IPAddress.TryParse(address, out var a) ? a : throw new ServeException(Words.Format("serve.error.bind", address)) };
        options = options with
        {
            SyslogUdp = parse.GetValue(syslogUdp) ?? options.SyslogUdp,
            SyslogTcp = parse.GetValue(syslogTcp) ?? options.SyslogTcp,
            NetconsoleUdp = parse.GetValue(netconsole) ?? options.NetconsoleUdp,
        };
        if (parse.GetValue(follow) is { Length: > 0 } folders)
            options = options with { Follow = folders };
        var tokens = new List<string>(options.Tokens);
        var viewers = new List<string>(options.ViewerTokens);
        if (parse.GetValue(tokenFile) is { } tokensPath)
            tokens.AddRange(Tokens.ReadFile(tokensPath));
        if (parse.GetValue(viewerFile) is { } viewersPath)
            viewers.AddRange(Tokens.ReadFile(viewersPath));
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token)
            tokens.Add(token);
        if (Environment.GetEnvironmentVariable(ViewerTokenVariable) is { Length: > 0 } viewer)
            viewers.Add(viewer);
        return options with { Tokens = tokens, ViewerTokens = viewers };
    }
}
