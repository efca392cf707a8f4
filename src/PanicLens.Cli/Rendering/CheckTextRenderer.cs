using PanicLens.Cli.Localization;
using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Renders a <see cref="ReadinessReport"/> for a person: one block per item, evidence indented, fix last.</summary>
public static class CheckTextRenderer
{
    /// <summary>The items that decide whether a crash now leaves a vmcore: memory reserved, a kernel loaded, a target, kexec allowed, Xen able to kexec.</summary>
    private static readonly string[] VmcoreChecks = ["kdump.reserved", "kdump.loaded", "kdump.target", "kdump.lockdown", "xen.crashkernel", "xen.kexec"];

    /// <summary>The items that keep the console log of a crash off the host.</summary>
    private static readonly string[] ConsoleChecks = ["oob.serial", "oob.netconsole"];

    public static void Render(ReadinessReport report, TextWriter output)
    {
        output.WriteLine(Verdict(report));
        output.WriteLine(Headline(report.Facts));
        output.WriteLine();
        foreach (var check in report.Checks)
        {
            var title = Array.Find(ReadinessChecks.All, c => c.Id == check.Id)?.Title is { } english ? PanicLens.Localization.Sentences.Translate(english) : "";
            output.WriteLine($"{TextWrap.Pad(Label(check.Status), 8)}{check.Id,-18}{title}");
            foreach (var line in check.Evidence)
                output.WriteLine($"{"",8}{line}");
            if (check.Fix.Length > 0)
                output.WriteLine($"{"",8}{Words.Format("check.fix", check.Fix)}");
        }
        RenderExposure(report.Exposure, output);
        RenderUnreadable(report.Facts, output);
        output.WriteLine();
        output.WriteLine(Summary(report));
    }

    /// <summary>
    /// The answer first: "this host will / will not / may not leave a vmcore", naming the items that decide it,
    /// and whether a console log leaves the host.
    /// </summary>
    public static string Verdict(ReadinessReport report)
    {
        var deciding = report.Checks.Where(c => VmcoreChecks.Contains(c.Id)).ToList();
        var failed = deciding.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).ToList();
        var open = deciding.Where(c => c.Status is CheckStatus.Warn or CheckStatus.Unknown).Select(c => c.Id).ToList();
        var vmcore = failed.Count > 0 ? Words.Format("check.verdict.will-not", string.Join(", ", failed))
            : open.Count > 0 ? Words.Format("check.verdict.may-not", string.Join(", ", open))
            : Words.Get("check.verdict.will");
        var console = report.Checks.Where(c => ConsoleChecks.Contains(c.Id) && c.Status == CheckStatus.Pass).Select(c => c.Id).ToList();
        return vmcore + (console.Count > 0 ? Words.Format("check.verdict.console", string.Join(", ", console)) : Words.Get("check.verdict.no-console"));
    }

    public static string Summary(ReadinessReport report)
    {
        int Count(CheckStatus s) => report.Checks.Count(c => c.Status == s);
        var exposed = report.Exposure.Count(e => e.Exposed == true && e.Mitigated != true);
        return Words.Format("check.summary", Count(CheckStatus.Pass), Count(CheckStatus.Warn), Count(CheckStatus.Fail), Count(CheckStatus.Unknown))
            + (report.Exposure.Count == 0 ? "" : Words.Format("check.summary.exposed", exposed));
    }

    private static string Headline(HostFacts facts)
    {
        var parts = new List<string>
        {
            facts.Distro.Name,
            Words.Format("check.kernel", facts.KernelRelease ?? Words.Get("word.unknown")),
            facts.MemTotalKiB is { } kib ? Words.Format("check.ram", kib / 1024) : Words.Get("check.ram-unknown"),
        };
        if (facts.Xen.Hypervisor)
            parts.Add(Words.Format(facts.Xen.Dom0 ? "check.xen-dom0" : "check.xen-guest", facts.Xen.Version ?? Words.Get("check.version-unknown")));
        var where = facts.Root == "/" ? "" : Words.Format("check.tree", facts.Root);
        return Words.Format("check.host", facts.Hostname ?? Words.Get("check.unknown-name"), where, string.Join(Words.Get("word.list-separator"), parts));
    }

    private static void RenderExposure(IReadOnlyList<IssueExposure> exposure, TextWriter output)
    {
        if (exposure.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine(Words.Get("check.exposure-heading"));
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
        true => Words.Get(entry.Mitigated switch { true => "exposure.mitigated", false => "exposure.not-mitigated", null => "exposure.mitigation-unknown" }),
        false => Words.Get("exposure.not-exposed"),
        null => Words.Get("word.unknown"),
    };

    private static void RenderUnreadable(HostFacts facts, TextWriter output)
    {
        if (facts.Unreadable.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine(Words.Format("check.unreadable", facts.Unreadable.Count));
        foreach (var file in facts.Unreadable)
            output.WriteLine($"  {file.Path}: {file.Problem}");
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => Words.Get("status.pass"),
        CheckStatus.Warn => Words.Get("status.warn"),
        CheckStatus.Fail => Words.Get("status.fail"),
        _ => Words.Get("status.unknown"),
    };
}
