using PanicLens.Cli.Localization;
using System.CommandLine;
using System.Text.Json;
using PanicLens.Cli.Rendering;
using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens exposure --kb-id ID HOSTFACTS...`: the fleet view of one known issue from many
/// `check --format json` documents (files, or directories of *.json). Exit 0 when no host is exposed without
/// mitigation, 1 when one is, 2 when it cannot run (unknown id, no input).
/// </summary>
public static class ExposureCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--kb-id") { Description = Words.Get("help.exposure.1"), Required = true };
        var files = new Argument<string[]>("HOSTFACTS") { Description = Words.Get("help.exposure.2"), Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = Words.Get("help.exposure.3"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("exposure", Words.Get("help.exposure.4"))
        {
            id, files, format, KbCommand.KbOption,
        };
        command.SetAction(parse =>
        {
            var issue = parse.GetValue(id)!;
            var inputs = FleetExposureReader.ExpandInputs(parse.GetValue(files)!);
            if (inputs.Count == 0)
                throw new UsageException(Words.Get("error.no-host-facts"));
            var fleet = FleetExposureReader.Read(issue, inputs);
            // A document with an entry proves the id was known where it was checked; only when none has one
            // is the knowledge base loaded, to tell a mistyped id from hosts checked without it.
            if (fleet.NotEvaluated + fleet.Unreadable.Count == fleet.Files && KbCommand.LoadKnowledge(parse).Find(issue) is null)
                throw new UsageException(Words.Format("error.no-kb-id", issue));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
                output.WriteLine(JsonSerializer.Serialize(fleet, CliJsonContext.Readable.FleetExposure));
            else
                FleetExposureRenderer.Render(fleet, output);
            return fleet.ExposedNotMitigated > 0 ? CommandBoundary.Findings : CommandBoundary.Ok;
        });
        return command;
    }
}
