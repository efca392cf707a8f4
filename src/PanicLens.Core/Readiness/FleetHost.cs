namespace PanicLens.Readiness;

/// <summary>One host's line in the fleet exposure view.</summary>
/// <param name="Host">Hostname from the document, or its file name when the host did not report one.</param>
/// <param name="Source">The check JSON file it came from.</param>
/// <param name="KernelRelease">The host's kernel.</param>
/// <param name="Exposed">As the host's check judged it; null when it could not tell.</param>
/// <param name="Mitigated">As the host's check judged it; null when it could not tell.</param>
public sealed record FleetHost(string Host, string Source, string? KernelRelease, bool? Exposed, bool? Mitigated);
