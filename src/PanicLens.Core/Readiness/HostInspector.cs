using PanicLens.Knowledge;

namespace PanicLens.Readiness;

/// <summary>Runs the readiness table (and exposure, when known issues are given) over one host tree.</summary>
public static class HostInspector
{
    public static ReadinessReport Inspect(HostTree tree) => Inspect(tree, []);

    /// <summary>
    /// Reads the host facts (plus the sysctls the known issues name), runs every applicable check, then
    /// judges exposure to each known issue with a <c>host:</c> section. An unexpected I/O failure inside a
    /// check becomes that check's <see cref="CheckStatus.Unknown"/> rather than ending the run.
    /// </summary>
    public static ReadinessReport Inspect(HostTree tree, IReadOnlyList<KnownIssue> knownIssues)
    {
        var facts = HostFactsReader.Read(tree, ExposureEvaluator.SysctlKeys(knownIssues));
        var host = new HostContext(tree, facts);
        var results = new List<CheckResult>();
        foreach (var check in ReadinessChecks.All)
        {
            if (check.Scope == CheckScope.XenDom0 && !host.XenDom0)
                continue;
            results.Add(Run(check, host));
        }
        var exposures = ExposureEvaluator.Evaluate(knownIssues, host);
        return new ReadinessReport(facts with { Unreadable = tree.Unreadable.ToList(), Root = tree.Root }, results, exposures);
    }

    private static CheckResult Run(ReadinessCheck check, HostContext host)
    {
        try
        {
            return check.Evaluate(host);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The tree reader already turns missing files into values; this is a file that vanished or a
            // device error mid-read (procfs files can), reported on the item instead of ending the run.
            return new CheckResult(check.Id, CheckStatus.Unknown, [$"{e.GetType().Name}: {e.Message}"], "Re-run; the file changed or failed while being read.");
        }
    }
}
