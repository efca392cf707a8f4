using System.Text.Json.Serialization;

namespace PanicLens.Readiness;

/// <summary>
/// Everything `paniclens check` found on one host; serialised as the `check --format json` document
/// (<see cref="ReadinessJson"/>), which `paniclens exposure` reads back from many hosts.
/// </summary>
/// <param name="Facts">What was read about the host, including the files that could not be read.</param>
/// <param name="Checks">One verdict per applicable readiness item, in table order.</param>
/// <param name="Exposure">One entry per known issue that has a <c>host:</c> section.</param>
public sealed record ReadinessReport(
    [property: JsonPropertyName("host")] HostFacts Facts,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<IssueExposure> Exposure)
{
    /// <summary>Bumped when a field changes meaning or goes away; adding fields keeps it.</summary>
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    [JsonIgnore]
    public bool AllPass => Checks.All(c => c.Status == CheckStatus.Pass);
}
