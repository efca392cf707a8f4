using System.Net;
using System.Text.Json;
using PanicLens.Server.Localization;

namespace PanicLens.Server;

/// <summary>
/// `serve --config FILE`: a JSON object with the command line's settings (see `deploy/paniclens-serve.json`):
/// `db`, `spool` (folder), `tlsCert` and `tlsKey` (PEM files: HTTPS), `http` (ADDRESS:PORT), `bind` (the receivers' address), `syslogUdp`, `syslogTcp`, `netconsoleUdp`, `follow`
/// (folders), `netconsoleHosts` (address → host name), `tokenFile`, `viewerTokenFile`, `quietMilliseconds`, `webhooks` (`[{url, format: json|slack, on: [new-bucket|new-host|new-kernel], perMinute}]`), `publicUrl` (the
/// dashboard's address for links in alerts). Options given on the command line win. A bad file
/// is one error naming the file and the field.
/// </summary>
public static class ServeConfig
{
    public static ServeOptions Read(string path, ServeOptions defaults)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ServeException(Messages.Format("config.line", path, e.LineNumber + 1, e.Message));
        }
        using var _ = document;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new ServeException(Messages.Format("config.not-object", path));
        var options = defaults;
        foreach (var field in document.RootElement.EnumerateObject())
        {
            var value = field.Value;
            options = field.Name switch
            {
                "db" => options with { Db = Text(path, field) },
                "spool" => options with { Spool = Text(path, field) },
                "http" => options with { Http = Endpoint(path, field) },
                "bind" => options with { Bind = Address(path, field) },
                "syslogUdp" => options with { SyslogUdp = Port(path, field) },
                "syslogTcp" => options with { SyslogTcp = Port(path, field) },
                "netconsoleUdp" => options with { NetconsoleUdp = Port(path, field) },
                "follow" => options with { Follow = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(f => f.GetString() ?? "")] : [Text(path, field)] },
                "netconsoleHosts" => options with { NetconsoleHosts = Names(path, field) },
                "tokenFile" => options with { Tokens = [.. options.Tokens, .. Tokens.ReadFile(Text(path, field))] },
                "viewerTokenFile" => options with { ViewerTokens = [.. options.ViewerTokens, .. Tokens.ReadFile(Text(path, field))] },
                "webhooks" => options with { Webhooks = Webhooks(path, field) },
                "tlsCert" => options with { TlsCert = Text(path, field) },
                "tlsKey" => options with { TlsKey = Text(path, field) },
                "publicUrl" => options with { PublicUrl = Url(path, field.Name, Text(path, field)) },
                "quietMilliseconds" => options with { Quiet = TimeSpan.FromMilliseconds(Port(path, field)) },
                _ => throw new ServeException(Messages.Format("config.unknown-field", path, field.Name)),
            };
        }
        return options;
    }

    private static string Text(string path, JsonProperty field) =>
        field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : throw new ServeException(Messages.Format("config.string", path, field.Name));

    /// <summary>`[{"url": "...", "format": "json|slack", "on": ["new-bucket", ...], "perMinute": 20}]`.</summary>
    private static List<Alerting.WebhookRule> Webhooks(string path, JsonProperty field)
    {
        if (field.Value.ValueKind != JsonValueKind.Array)
            throw new ServeException(Messages.Format("config.webhooks", path, field.Name));
        var rules = new List<Alerting.WebhookRule>();
        var index = 0;
        foreach (var item in field.Value.EnumerateArray())
        {
            var at = $"{field.Name}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
                throw new ServeException(Messages.Format("config.url", path, at));
            var format = item.TryGetProperty("format", out var f) ? f.GetString() ?? "" : "json";
            if (format is not ("json" or "slack"))
                throw new ServeException(Messages.Format("config.format", path, at, format));
            var on = item.TryGetProperty("on", out var events) && events.ValueKind == JsonValueKind.Array
                ? events.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            foreach (var kind in on)
                if (!Alerting.AlertEvents.All.Contains(kind))
                    throw new ServeException(Messages.Format("config.event", path, at, kind, string.Join(", ", Alerting.AlertEvents.All)));
            var perMinute = item.TryGetProperty("perMinute", out var p) && p.TryGetInt32(out var n) && n > 0 ? n : 20;
            rules.Add(new Alerting.WebhookRule(Url(path, at + ".url", url.GetString()!), format, on, perMinute));
        }
        return rules;
    }

    public static Uri Url(string path, string field, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url : throw new ServeException(Messages.Format("config.http-url", path, field, text));

    private static Dictionary<string, string> Names(string path, JsonProperty field)
    {
        if (field.Value.ValueKind != JsonValueKind.Object)
            throw new ServeException(Messages.Format("config.host-names", path, field.Name));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in field.Value.EnumerateObject())
            names[name.Name] = name.Value.GetString() ?? throw new ServeException(Messages.Format("config.host-name", path, field.Name, name.Name));
        return names;
    }

    private static int Port(string path, JsonProperty field) =>
        field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var n) && n is >= 0 and <= 65535
            ? n : throw new ServeException(Messages.Format("config.port", path, field.Name));

    private static IPAddress Address(string path, JsonProperty field) =>
        IPAddress.TryParse(Text(path, field), out var address) ? address : throw new ServeException(Messages.Format("config.address", path, field.Name));

    private static IPEndPoint Endpoint(string path, JsonProperty field) =>
        IPEndPoint.TryParse(Text(path, field), out var endpoint) ? endpoint : throw new ServeException(Messages.Format("config.endpoint", path, field.Name));
}

/// <summary>Token files: one token per line, blank lines and `#` comments ignored.</summary>
public static class Tokens
{
    public static IEnumerable<string> ReadFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServeException(Messages.Format("config.token-file", path, e.Message));
        }
        foreach (var line in lines)
        {
            var token = line.Trim();
            if (token.Length > 0 && !token.StartsWith('#'))
                yield return token;
        }
    }
}
