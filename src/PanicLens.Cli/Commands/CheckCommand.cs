using PanicLens.Cli.Localization;
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
            Description = Words.Get("help.check.1"),
            DefaultValueFactory = _ => "/",
        };
        var format = new Option<string>("--format")
        {
            Description = Words.Get("help.check.2"),
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", Words.Get("help.check.3"))
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
