namespace PanicLens.Readiness;

/// <summary>
/// The part of a check document the fleet view needs. Filled by <see cref="FleetDocumentReader"/>, which skips
/// everything else.
/// </summary>
internal sealed record FleetDocument(
    int SchemaVersion,
    FleetDocumentHost Host,
    IReadOnlyList<IssueExposure> Exposure);

/// <summary>The host identity fields of a check document.</summary>
internal sealed record FleetDocumentHost(string? Hostname, string? KernelRelease);
