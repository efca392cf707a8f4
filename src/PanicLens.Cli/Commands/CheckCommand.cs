using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens check [--root DIR] [--format text|json]`: will this host leave a vmcore and a console log,
/// and is it exposed to a known issue. Exit 0 when every item passes, 1 otherwise, 2 when it cannot run.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root")
        {
            Description = "Read a copied tree of the host's /proc, /sys, /etc and /boot under DIR instead of this machine.",
            DefaultValueFactory = _ => "/",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (default) or json (schemaVersion 1, for `paniclens exposure`).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", "Check that this host will leave a vmcore and a full console log, and its exposure to known issues.")
        {
            root,
            format,
            KbCommand.KbOption,
        };
        command.SetAction(parse => Run(
            HostInspection.Inspect(parse.GetValue(root)!, KbCommand.LoadKnowledge(parse)),
            parse.GetValue(format)!,
            parse.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(ReadinessReport report, string format, TextWriter output)
    {
        if (format == "json")
        {
            output.WriteLine(ReadinessJson.Serialize(report));
        }
        else
        {
            CheckTextRenderer.Render(report, output);
        }
        var exposedUnmitigated = report.Exposure.Any(e => e.Exposed == true && e.Mitigated != true);
        return report.AllPass && !exposedUnmitigated ? CommandBoundary.Ok : CommandBoundary.Findings;
    }
}
