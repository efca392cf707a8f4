using PanicLens.Cli.Localization;
using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Renders the fleet view of one known issue: counts first, then the exposed hosts, unmitigated first.</summary>
public static class FleetExposureRenderer
{
    public static void Render(FleetExposure fleet, TextWriter output)
    {
        output.WriteLine(Words.Format("fleet.summary", fleet.KnownIssue, fleet.ExposedTotal, fleet.Files, fleet.ExposedNotMitigated, fleet.ExposedMitigated,
            fleet.ExposedMitigationUnknown, fleet.NotExposed, fleet.Unknown, fleet.NotEvaluated, fleet.Unreadable.Count));
        var ordered = fleet.Exposed.OrderBy(h => h.Mitigated == false ? 0 : h.Mitigated is null ? 1 : 2).ThenBy(h => h.Host, StringComparer.Ordinal);
        foreach (var host in ordered)
        {
            var state = Words.Get(host.Mitigated switch { true => "fleet.mitigated", false => "fleet.not-mitigated", null => "fleet.mitigation-unknown" });
            output.WriteLine($"  {TextWrap.Pad(state, 20)}{host.Host,-32}{host.KernelRelease}");
        }
        foreach (var host in fleet.Undecided)
            output.WriteLine($"  {TextWrap.Pad(Words.Get("fleet.unknown"), 20)}{host.Host,-32}{host.KernelRelease}  {Words.Format("fleet.see", host.Source)}");
        foreach (var file in fleet.Unreadable)
            output.WriteLine($"  {TextWrap.Pad(Words.Get("fleet.unreadable"), 20)}{file.Path}: {file.Problem}");
        if (fleet.NotEvaluated > 0)
            output.WriteLine("  " + Words.Format("fleet.not-evaluated", fleet.NotEvaluated, fleet.KnownIssue));
    }
}
