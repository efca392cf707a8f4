namespace PanicLens.Readiness;

/// <summary>Everything `paniclens check` found on one host.</summary>
/// <param name="Facts">What was read about the host.</param>
/// <param name="Checks">One verdict per applicable readiness item, in table order.</param>
/// <param name="Exposure">One entry per known issue whose host preconditions could be evaluated.</param>
/// <param name="Unreadable">Files that should have been readable and were not, with the reason.</param>
public sealed record ReadinessReport(
    HostFacts Facts,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<IssueExposure> Exposure,
    IReadOnlyList<HostFile> Unreadable)
{
    public bool AllPass => Checks.All(c => c.Status == CheckStatus.Pass);
}
