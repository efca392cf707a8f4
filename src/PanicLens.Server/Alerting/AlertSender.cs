using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;
using PanicLens.Storage;

namespace PanicLens.Server.Alerting;

/// <summary>
/// Turns stored reports into alerts and delivers them to the webhooks: a new report whose bucket has one report is a
/// new bucket; one whose host or kernel the bucket had not seen is a new host or kernel. Per rule, at most
/// <see cref="WebhookRule.PerMinute"/> a minute; a failed delivery (network error, non-2xx) is retried with backoff
/// (1, 2, 4, 8 s) before it counts as failed. Delivery runs on its own task behind a bounded queue: a slow webhook
/// never holds the store writer.
/// </summary>
public sealed class AlertSender(IReadOnlyList<WebhookRule> rules, ICrashStore store, ServerMetrics metrics, Uri? publicAddress,
    ILogger<AlertSender> log, HttpClient? http = null)
{
    private const int Attempts = 5;
    private readonly HttpClient client = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Channel<(WebhookRule Rule, Alert Alert)> queue =
        Channel.CreateBounded<(WebhookRule, Alert)>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<WebhookRule, Queue<long>> sent = [];

    /// <summary>Called by the store writer after each stored report.</summary>
    public void OnStored(StoredEvent stored)
    {
        if (!stored.IsNew || rules.Count == 0 || store.FindReport(stored.ReportId) is not { } report || store.FindBucket(report.BucketId) is not { } bucket)
            return;
        var kind = bucket.Count == 1 ? AlertEvents.NewBucket
            : !Seen(store, report, r => r.Host == report.Host) ? AlertEvents.NewHost
            : report.Kernel is not null && !Seen(store, report, r => r.Kernel == report.Kernel) ? AlertEvents.NewKernel
            : null;
        if (kind is null)
            return;
        var alert = new Alert(kind, report.Id, report.Host, report.Title, report.BucketId, report.Kernel, report.KnownIssue, bucket.Count,
            [.. store.Sources(report.Id).Select(s => s.Source)]);
        foreach (var rule in rules)
            if (rule.Wants(kind) && Admit(rule) && !queue.Writer.TryWrite((rule, alert)))
                metrics.Add("paniclens_alerts_total", "dropped");
    }

    /// <summary>Whether another report of the bucket (of the most recent 500) matches.</summary>
    private static bool Seen(ICrashStore store, StoredReport report, Func<StoredReport, bool> match)
    {
        foreach (var other in store.Reports(new ReportFilter(Bucket: report.BucketId, Limit: 500)))
            if (other.Id != report.Id && match(other))
                return true;
        return false;
    }

    private bool Admit(WebhookRule rule)
    {
        var now = Environment.TickCount64;
        lock (sent)
        {
            if (!sent.TryGetValue(rule, out var times))
                sent[rule] = times = new Queue<long>();
            while (times.Count > 0 && now - times.Peek() > 60_000)
                times.Dequeue();
            if (times.Count >= rule.PerMinute)
            {
                metrics.Add("paniclens_alerts_total", "suppressed");
                return false;
            }
            times.Enqueue(now);
            return true;
        }
    }

    public void Complete() => queue.Writer.TryComplete();

    public async Task Run(CancellationToken stop)
    {
        await foreach (var (rule, alert) in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            var delay = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                string? problem;
                try
                {
                    using var response = await client.PostAsJsonAsync(rule.Url, Body(rule, alert), stop);
                    problem = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    problem = e.Message;
                }
                if (problem is null)
                {
                    metrics.Add("paniclens_alerts_total", "sent");
                    break;
                }
                if (attempt == Attempts || stop.IsCancellationRequested)
                {
                    metrics.Add("paniclens_alerts_total", "failed");
                    log.LogError("alert for report {Id} to {Url} failed after {Attempts} attempts: {Problem}", alert.ReportId, rule.Url, attempt, problem);
                    break;
                }
                metrics.Add("paniclens_alerts_total", "retried");
                await Task.Delay(delay, CancellationToken.None);
                delay *= 2;
            }
        }
    }

    private JsonObject Body(WebhookRule rule, Alert alert)
    {
        var link = publicAddress is null ? null : new Uri(publicAddress, "/reports/" + alert.ReportId).ToString();
        if (rule.Format == "slack")
        {
            var what = alert.Kind switch
            {
                AlertEvents.NewBucket => "New crash",
                AlertEvents.NewHost => $"Known crash (seen {alert.BucketCount}×) on a new host",
                _ => $"Known crash (seen {alert.BucketCount}×) on a new kernel",
            };
            // Slack/Mattermost mrkdwn: <, > and & are the only characters to escape.
            var text = $"{what} on {alert.Host}: {alert.Title}" + (alert.Kernel is null ? "" : $" ({alert.Kernel})")
                + (alert.KnownIssue is null ? "" : $" — known issue {alert.KnownIssue}");
            text = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
            return new JsonObject { ["text"] = link is null ? text : $"{text} <{link}|report {alert.ReportId}>" };
        }
        return new JsonObject
        {
            ["event"] = alert.Kind,
            ["report"] = alert.ReportId,
            ["host"] = alert.Host,
            ["title"] = alert.Title,
            ["bucket"] = alert.BucketId,
            ["bucketCount"] = alert.BucketCount,
            ["kernel"] = alert.Kernel,
            ["knownIssue"] = alert.KnownIssue,
            ["sources"] = new JsonArray([.. alert.Sources.Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["url"] = link,
        };
    }
}
