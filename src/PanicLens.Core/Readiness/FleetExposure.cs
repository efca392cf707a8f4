namespace PanicLens.Readiness;

/// <summary>
/// Which hosts of a fleet are exposed to one known issue, from their `check --format json` documents.
/// Every input file lands in exactly one count: exposed (mitigated, not mitigated, mitigation unknown),
/// not exposed, unknown, not evaluated (the host's check ran without this known issue) or unreadable.
/// </summary>
public sealed record FleetExposure(
    string KnownIssue,
    int Files,
    int ExposedNotMitigated,
    int ExposedMitigated,
    int ExposedMitigationUnknown,
    int NotExposed,
    int Unknown,
    int NotEvaluated,
    IReadOnlyList<FleetHost> Exposed,
    IReadOnlyList<FleetHost> Undecided,
    IReadOnlyList<HostFile> Unreadable)
{
    public int ExposedTotal => ExposedNotMitigated + ExposedMitigated + ExposedMitigationUnknown;
}
