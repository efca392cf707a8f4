using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Knowledge;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens kb list|show ID|validate DIR`: the known-issue knowledge base. <see cref="KbOption"/> is the one
/// `--kb DIR` option; other verbs add it and call <see cref="LoadKnowledge"/> so they see the same entries.
/// </summary>
public static class KbCommand
{
    /// <summary>`--kb DIR` (repeatable): directories of the user's own `*.yaml` known issues, added to the shipped ones.</summary>
    public static Option<string[]> KbOption { get; } = new("--kb")
    {
        Description = Words.Get("help.kb.1"),
        HelpName = "DIR",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string> Format = new("--format")
    {
        Description = Words.Get("help.kb.2"),
        DefaultValueFactory = _ => "text",
    };

    public static Command Create()
    {
        var command = new Command("kb", Words.Get("help.kb.5"));
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(ValidateCommand());
        return command;
    }

    /// <summary>
    /// The shipped entries plus those in the `--kb` directories. Any mistake in any file stops the command
    /// (exit 2) with every mistake listed; a missing directory propagates as an I/O error (exit 2).
    /// </summary>
    public static KnowledgeBase LoadKnowledge(ParseResult parse)
    {
        try
        {
            return KnowledgeLoader.Load(parse.GetValue(KbOption) ?? []);
        }
        catch (KnowledgeException e)
        {
            throw new UsageException(e.Message + Environment.NewLine + Words.Get("error.kb-validate-hint"));
        }
    }

    private static Command ListCommand()
    {
        var command = new Command("list", Words.Get("help.kb.6")) { KbOption, Format };
        command.SetAction(int (parse) =>
        {
            var kb = LoadKnowledge(parse);
            var output = parse.InvocationConfiguration.Output;
            if (FormatOf(parse) == "json")
                KnownIssueRenderer.WriteJson(output, kb.Issues);
            else
                KnownIssueRenderer.WriteList(output, kb.Issues, Palette.ForConsole());
            return CommandBoundary.Ok;
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var id = new Argument<string>("ID") { Description = Words.Get("help.kb.3") };
        var command = new Command("show", Words.Get("help.kb.7")) { id, KbOption, Format };
        command.SetAction(int (parse) =>
        {
            var kb = LoadKnowledge(parse);
            var wanted = parse.GetValue(id) ?? "";
            var issue = kb.Find(wanted) ?? throw new UsageException(Words.Format("error.no-kb-entry", wanted));
            var output = parse.InvocationConfiguration.Output;
            if (FormatOf(parse) == "json")
                KnownIssueRenderer.WriteJson(output, [issue]);
            else
                KnownIssueRenderer.WriteIssue(output, issue, Palette.ForConsole());
            return CommandBoundary.Ok;
        });
        return command;
    }

    private static Command ValidateCommand()
    {
        var directory = new Argument<string>("DIR") { Description = Words.Get("help.kb.4") };
        var command = new Command("validate", Words.Get("help.kb.8")) { directory, KbOption };
        command.SetAction(int (parse) =>
        {
            var target = parse.GetValue(directory) ?? "";
            if (!Directory.Exists(target))
                throw new UsageException(Words.Format("error.not-directory", target));
            var others = (parse.GetValue(KbOption) ?? []).Where(d => Path.GetFullPath(d) != Path.GetFullPath(target));
            var check = KnowledgeLoader.Check([target, .. others], includeShipped: true, shadowShipped: true);
            var output = parse.InvocationConfiguration.Output;
            foreach (var error in check.Errors)
                output.WriteLine(error.ToString());
            var fileCount = Directory.EnumerateFiles(target).Count(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
            output.WriteLine(Words.Format("kb.validated", target, Rendering.BucketListRenderer.Count(fileCount, "file"), check.Issues.Count,
                Rendering.BucketListRenderer.Count(check.Errors.Count, "mistake")));
            return check.Errors.Count == 0 ? CommandBoundary.Ok : CommandBoundary.Findings;
        });
        return command;
    }

    private static string FormatOf(ParseResult parse)
    {
        var format = parse.GetValue(Format) ?? "text";
        return format is "text" or "json" ? format : throw new UsageException(Words.Format("error.kb-format", format));
    }
}
