using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens check [--root DIR] [--format text|json] [--collect OUT.tar.gz]`: will this host leave a vmcore and a
/// console log, and is it exposed to a known issue. Exit 0 when every item passes, 1 otherwise, 2 when it cannot
/// run. With --collect it judges nothing: it archives what the checks read, for `check --root` elsewhere.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliIo? io = null)
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
        var collect = new Option<string?>("--collect")
        {
            Description = Words.Get("help.check.collect"),
            HelpName = "OUT.tar.gz",
        };
        var command = new Command("check", Words.Get("help.check.3"))
        {
            root,
            format,
            collect,
            KbCommand.KbOption,
        };
        command.SetAction(parse =>
        {
            var tree = HostInspection.Open(parse.GetValue(root)!);
            var report = HostInspection.Inspect(tree, KbCommand.LoadKnowledge(parse));
            if (parse.GetValue(collect) is { } archive)
                return Collect(tree, report, archive, io, io?.Error ?? parse.InvocationConfiguration.Error);
            if (io is null)
                return Run(report, parse.GetValue(format)!, parse.InvocationConfiguration.Output);
            using var output = io.OpenText();
            return Run(report, parse.GetValue(format)!, output);
        });
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

    /// <summary>
    /// Writes the archive (through a temporary file beside it, so a failed run leaves no half archive) and says on
    /// standard error what went in and what was withheld.
    /// </summary>
    public static int Collect(HostTree tree, ReadinessReport report, string archive, CliIo? io, TextWriter error)
    {
        var manifest = HostCollection.Plan(tree, report.Facts.Hostname, ToolVersion.Text);
        if (archive == "-")
        {
            var stdout = io?.Stdout ?? Console.OpenStandardOutput();
            HostCollection.Write(tree, manifest, stdout);
            stdout.Flush();
        }
        else
        {
            var partial = archive + ".partial";
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
                HostCollection.Write(tree, manifest, file);
            File.Move(partial, archive, overwrite: true);
        }
        var copied = manifest.Files.Where(f => f.Kind == CollectedKind.File).ToList();
        error.WriteLine(Words.Format("collect.done", copied.Count, copied.Sum(f => f.Bytes) / 1024, manifest.Files.Count - copied.Count, tree.Root, archive));
        foreach (var withheld in manifest.Files.Where(f => f.Kind == CollectedKind.Withheld))
            error.WriteLine(Words.Format("collect.withheld", withheld.Path, PanicLens.Localization.Sentences.Translate(CollectionExclusions.Reason(withheld.Path) ?? "")));
        return CommandBoundary.Ok;
    }
}
