using System.Text.Json.Serialization;

namespace PanicLens.Readiness;

/// <summary>
/// One file read from the inspected host: its host path (as the host sees it, e.g. <c>/proc/cmdline</c>),
/// its text when it could be read, or why it could not.
/// </summary>
public sealed record HostFile(string Path, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text, string? Problem)
{
    [JsonIgnore]
    public bool Readable => Text is not null;

    /// <summary>The text with surrounding whitespace removed, or null when unreadable.</summary>
    [JsonIgnore]
    public string? Value => Text?.Trim();
}
