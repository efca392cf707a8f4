using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Renders the fleet view of one known issue: counts first, then the exposed hosts, unmitigated first.</summary>
public static class FleetExposureRenderer
{
    public static void Render(FleetExposure fleet, TextWriter output)
    {
        output.WriteLine($"{fleet.KnownIssue}: {fleet.ExposedTotal} of {fleet.Files} hosts exposed "
            + $"({fleet.ExposedNotMitigated} not mitigated, {fleet.ExposedMitigated} mitigated, {fleet.ExposedMitigationUnknown} mitigation unknown); "
            + $"{fleet.NotExposed} not exposed, {fleet.Unknown} unknown, {fleet.NotEvaluated} not evaluated, {fleet.Unreadable.Count} unreadable");
        var ordered = fleet.Exposed.OrderBy(h => h.Mitigated == false ? 0 : h.Mitigated is null ? 1 : 2).ThenBy(h => h.Host, StringComparer.Ordinal);
        foreach (var host in ordered)
        {
            var state = host.Mitigated switch { true => "mitigated", false => "NOT MITIGATED", null => "mitigation unknown" };
            output.WriteLine($"  {state,-20}{host.Host,-32}{host.KernelRelease}");
        }
        foreach (var host in fleet.Undecided)
            output.WriteLine($"  {"unknown",-20}{host.Host,-32}{host.KernelRelease}  (see {host.Source})");
        foreach (var file in fleet.Unreadable)
            output.WriteLine($"  {"unreadable",-20}{file.Path}: {file.Problem}");
        if (fleet.NotEvaluated > 0)
            output.WriteLine($"  {fleet.NotEvaluated} host document(s) have no entry for {fleet.KnownIssue}: re-run `paniclens check` there with a knowledge base that has it.");
    }
}
