using PanicLens.Cli.Localization;
using System.CommandLine;
using System.Text.Json;
using PanicLens.Cli.Rendering;
using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens kdump plan [--distro D] [--xen] [--root DIR]`: the exact, ordered steps to enable kdump,
/// with the distribution, Xen and RAM read from the host tree when not given.
/// </summary>
public static class KdumpCommand
{
    public static Command Create()
    {
        var distro = new Option<string?>("--distro") { Description = Words.Get("help.kdump.1") };
        distro.AcceptOnlyFromAmong(KdumpPlanner.Distros);
        var xen = new Option<bool>("--xen") { Description = Words.Get("help.kdump.2") };
        var root = new Option<string?>("--root") { Description = Words.Get("help.kdump.3") };
        var format = new Option<string>("--format") { Description = Words.Get("help.kdump.4"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var plan = new Command("plan", Words.Get("help.kdump.5")) { distro, xen, root, format };
        plan.SetAction(parse => Run(parse.GetValue(distro), parse.GetValue(xen), parse.GetValue(root), parse.GetValue(format)!, parse.InvocationConfiguration.Output));
        return new Command("kdump", Words.Get("help.kdump.6")) { plan };
    }

    public static int Run(string? distro, bool xen, string? root, string format, TextWriter output)
    {
        HostFacts? facts = null;
        // Read a host only when asked to, or when the distribution must be detected; a plan for another
        // distribution must not be sized from the machine it is printed on.
        if (root is not null || distro is null)
        {
            var dir = root ?? "/";
            if (!Directory.Exists(dir))
                throw new UsageException(Words.Format("error.no-root", dir));
            facts = HostFactsReader.Read(new HostTree(dir), []);
        }
        var key = distro ?? facts?.Distro.PlanKey
            ?? throw new UsageException(Words.Format("error.no-distro", root ?? Words.Get("error.this-machine"), facts?.Distro.Name));
        var plan = KdumpPlanner.Plan(key, xen || facts?.Xen.Dom0 == true, facts?.MemTotalKiB * 1024);
        if (format == "json")
            output.WriteLine(JsonSerializer.Serialize(plan, CliJsonContext.Readable.KdumpPlan));
        else
            KdumpPlanRenderer.Render(plan, facts is null ? null : root ?? Words.Get("error.this-machine"), output);
        return CommandBoundary.Ok;
    }
}
