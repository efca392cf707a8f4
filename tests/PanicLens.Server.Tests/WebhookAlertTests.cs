using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using PanicLens.Server.Alerting;

namespace PanicLens.Server.Tests;

/// <summary>Alerts delivered to real HTTP endpoints (an HttpListener standing in for Slack or a pager gateway).</summary>
public sealed class WebhookAlertTests
{
    /// <summary>A webhook endpoint that records bodies and answers the given statuses in turn (then 200).</summary>
    private sealed class Endpoint : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Queue<int> statuses;
        public ConcurrentQueue<JsonElement> Bodies { get; } = new();
        public Uri Url { get; }

        public Endpoint(params int[] statuses)
        {
            this.statuses = new Queue<int>(statuses);
            var port = FreePort();
            Url = new Uri($"http://127.0.0.1:{port}/hook/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            _ = Task.Run(Serve);
        }

        private async Task Serve()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                int status;
                lock (statuses)
                    status = statuses.Count > 0 ? statuses.Dequeue() : 200;
                if (status == 200)
                    Bodies.Enqueue(JsonDocument.Parse(body).RootElement.Clone());
                context.Response.StatusCode = status;
                context.Response.Close();
            }
        }

        public async Task<List<JsonElement>> Wait(int count, double seconds = 20)
        {
            var until = DateTime.UtcNow.AddSeconds(seconds);
            while (Bodies.Count < count && DateTime.UtcNow < until)
                await Task.Delay(50);
            await Task.Delay(300);
            return [.. Bodies];
        }

        private static int FreePort()
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public void Dispose() => listener.Close();
    }

    private static async Task Upload(TestServer server, string host, string text)
    {
        using var response = await server.Http.PostAsync("/api/v1/logs?host=" + host, new StringContent(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static readonly string Seed = File.ReadAllText(Replay.Seed, Encoding.Latin1);

    [Fact]
    public async Task A_new_bucket_then_a_new_host_alert_once_each_in_json_and_slack_form()
    {
        using var json = new Endpoint();
        using var slack = new Endpoint();
        await using var server = await TestServer.Start("sqlite", o => o with
        {
            Webhooks = [new WebhookRule(json.Url), new WebhookRule(slack.Url, "slack", [AlertEvents.NewBucket])],
        });
        await Upload(server, "up-01", Seed);
        await Upload(server, "up-01", Seed);
        await Upload(server, "up-02", Seed);
        var alerts = await json.Wait(2);
        Assert.Equal([AlertEvents.NewBucket, AlertEvents.NewHost], alerts.Select(a => a.GetProperty("event").GetString()));
        Assert.Equal(["up-01", "up-02"], alerts.Select(a => a.GetProperty("host").GetString()));
        Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", alerts[0].GetProperty("title").GetString());
        Assert.EndsWith("/reports/" + alerts[0].GetProperty("report").GetInt64(), alerts[0].GetProperty("url").GetString());
        var texts = await slack.Wait(1);
        Assert.Single(texts);
        Assert.StartsWith("New crash on up-01: BUG: unable to handle kernel paging request in ipv6_addr_copy", texts[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_and_a_rule_past_its_rate_is_suppressed()
    {
        using var flaky = new Endpoint(500, 503);
        using var limited = new Endpoint();
        await using var server = await TestServer.Start("sqlite", o => o with
        {
            Webhooks = [new WebhookRule(flaky.Url), new WebhookRule(limited.Url, PerMinute: 1)],
        });
        await Upload(server, "up-03", Seed);
        await Upload(server, "up-03", Seed.Replace("ipv6_addr_copy", "ipv4_addr_copy"));
        Assert.Equal(2, (await flaky.Wait(2)).Count);
        Assert.Single(await limited.Wait(2, seconds: 3));
        Assert.Equal(2, server.Server.Metrics.Get("paniclens_alerts_total", "retried"));
        Assert.Equal(3, server.Server.Metrics.Get("paniclens_alerts_total", "sent"));
        Assert.Equal(1, server.Server.Metrics.Get("paniclens_alerts_total", "suppressed"));
    }
}
