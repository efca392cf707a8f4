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
        var distro = new Option<string?>("--distro") { Description = "rhel6, rhel7, rhel8, rhel9, debian, ubuntu or suse (default: detected from --root)." };
        distro.AcceptOnlyFromAmong(KdumpPlanner.Distros);
        var xen = new Option<bool>("--xen") { Description = "Plan for a Xen Dom0 (crashkernel= on the hypervisor line); detected from --root when it is a Dom0." };
        var root = new Option<string?>("--root") { Description = "Read distribution, Xen and RAM from a copied host tree (default: this machine when --distro is not given)." };
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var plan = new Command("plan", "Print the exact, ordered steps to enable kdump on a host.") { distro, xen, root, format };
        plan.SetAction(parse => Run(parse.GetValue(distro), parse.GetValue(xen), parse.GetValue(root), parse.GetValue(format)!, parse.InvocationConfiguration.Output));
        return new Command("kdump", "Crash dump (kdump) setup.") { plan };
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
                throw new UsageException($"--root {dir}: no such directory");
            facts = HostFactsReader.Read(new HostTree(dir), []);
        }
        var key = distro ?? facts?.Distro.PlanKey
            ?? throw new UsageException($"cannot tell the distribution of {root ?? "this machine"} ({facts?.Distro.Name}); give --distro");
        var plan = KdumpPlanner.Plan(key, xen || facts?.Xen.Dom0 == true, facts?.MemTotalKiB * 1024);
        if (format == "json")
            output.WriteLine(JsonSerializer.Serialize(plan, CliJsonContext.Readable.KdumpPlan));
        else
            KdumpPlanRenderer.Render(plan, facts is null ? null : root ?? "this machine", output);
        return CommandBoundary.Ok;
    }
}
