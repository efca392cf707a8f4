using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Renders a <see cref="ReadinessReport"/> for a person: one block per item, evidence indented, fix last.</summary>
public static class CheckTextRenderer
{
    public static void Render(ReadinessReport report, TextWriter output)
    {
        output.WriteLine(Headline(report.Facts));
        output.WriteLine();
        foreach (var check in report.Checks)
        {
            var title = Array.Find(ReadinessChecks.All, c => c.Id == check.Id)?.Title ?? "";
            output.WriteLine($"{Label(check.Status),-8}{check.Id,-18}{title}");
            foreach (var line in check.Evidence)
                output.WriteLine($"{"",8}{line}");
            if (check.Fix.Length > 0)
                output.WriteLine($"{"",8}fix: {check.Fix}");
        }
        RenderExposure(report.Exposure, output);
        RenderUnreadable(report.Facts, output);
        output.WriteLine();
        output.WriteLine(Summary(report));
    }

    public static string Summary(ReadinessReport report)
    {
        int Count(CheckStatus s) => report.Checks.Count(c => c.Status == s);
        var exposed = report.Exposure.Count(e => e.Exposed == true && e.Mitigated != true);
        return $"{Count(CheckStatus.Pass)} pass, {Count(CheckStatus.Warn)} warn, {Count(CheckStatus.Fail)} fail, {Count(CheckStatus.Unknown)} unknown"
            + (report.Exposure.Count == 0 ? "" : $"; exposed to {exposed} known issue(s) without mitigation");
    }

    private static string Headline(HostFacts facts)
    {
        var parts = new List<string>
        {
            facts.Distro.Name,
            "kernel " + (facts.KernelRelease ?? "unknown"),
            facts.MemTotalKiB is { } kib ? $"{kib / 1024} MiB RAM" : "RAM unknown",
        };
        if (facts.Xen.Hypervisor)
            parts.Add($"Xen {facts.Xen.Version ?? "(version unknown)"}{(facts.Xen.Dom0 ? " Dom0" : " guest")}");
        var where = facts.Root == "/" ? "" : $" (tree {facts.Root})";
        return $"Host {facts.Hostname ?? "(unknown name)"}{where}: {string.Join(", ", parts)}";
    }

    private static void RenderExposure(IReadOnlyList<IssueExposure> exposure, TextWriter output)
    {
        if (exposure.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine("Known issues (host exposure)");
        // Exposed and undecided entries first, with their evidence; the rest on one line (JSON has all of it).
        foreach (var entry in exposure.OrderBy(e => e.Exposed == false))
        {
            output.WriteLine($"  {entry.KnownIssue}: {Verdict(entry)}");
            if (entry.Exposed == false)
                continue;
            foreach (var line in entry.Evidence)
                output.WriteLine($"{"",8}{line}");
        }
    }

    public static string Verdict(IssueExposure entry) => entry.Exposed switch
    {
        true => entry.Mitigated switch { true => "exposed, mitigated", false => "EXPOSED, not mitigated", null => "EXPOSED, mitigation unknown" },
        false => "not exposed",
        null => "unknown",
    };

    private static void RenderUnreadable(HostFacts facts, TextWriter output)
    {
        if (facts.Unreadable.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine($"Could not read ({facts.Unreadable.Count}):");
        foreach (var file in facts.Unreadable)
            output.WriteLine($"  {file.Path}: {file.Problem}");
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Warn => "WARN",
        CheckStatus.Fail => "FAIL",
        _ => "UNKNOWN",
    };
}
