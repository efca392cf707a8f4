namespace PanicLens.Server.Alerting;

/// <summary>
/// One webhook: where alerts go, in which shape (`json`: a generic object; `slack`: `{"text"}` as Slack and
/// Mattermost incoming webhooks take it), on which events (<see cref="AlertEvents"/>), and at most how many a minute
/// (more are counted as suppressed, not queued: a storm must not page a thousand times).
/// </summary>
public sealed record WebhookRule(Uri Url, string Format = "json", IReadOnlyList<string>? On = null, int PerMinute = 20)
{
    public bool Wants(string kind) => On is null || On.Count == 0 || On.Contains(kind);
}

/// <summary>The events that alert: a bucket seen for the first time, a known bucket on a new host or a new kernel.</summary>
public static class AlertEvents
{
    public const string NewBucket = "new-bucket";
    public const string NewHost = "new-host";
    public const string NewKernel = "new-kernel";

    public static readonly string[] All = [NewBucket, NewHost, NewKernel];
}
