using System.CommandLine;
using System.Globalization;
using PanicLens.Cli.Commands;
using PanicLens.Cli.Localization;
using PanicLens.Localization;

namespace PanicLens.Cli;

/// <summary>The `paniclens` command tree, callable in-process so tests run exactly what users run.</summary>
public static class PanicLensApp
{
    public static int Run(string[] args, CliIo io)
    {
        // The language is chosen before the tree is built, so help texts come out in it too; the culture flows into
        // the tasks a command starts and is restored afterwards (tests run commands side by side in one process).
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            var requested = LanguageArgument(args);
            var culture = requested is null ? UiLanguage.FromEnvironment(io.Environment) : UiLanguage.Resolve(requested);
            if (culture is null)
            {
                io.Error.WriteLine(Words.Format("error.language", requested));
                return CommandBoundary.Failure;
            }
            CultureInfo.CurrentUICulture = culture;
            using var output = io.OpenText();
            try
            {
                return CommandBoundary.Run(CreateRoot(io), args, output, io.Error);
            }
            finally
            {
                output.Flush();
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>The command tree in the current UI language, with `completion` and `--version`.</summary>
    public static RootCommand CreateRoot(CliIo io)
    {
        var language = new Option<string>("--lang")
        {
            Description = Words.Get("help.lang"),
            Recursive = true,
        };
        var root = new RootCommand(Words.Get("help.root"))
        {
            language,
            AnalyzeCommand.Create(io),
            KbCommand.Create(),
            CheckCommand.Create(io),
            KdumpCommand.Create(),
            ExposureCommand.Create(),
            ScanCommand.Create(io),
            BucketsCommand.Create(io),
            ShowCommand.Create(io),
            HostsCommand.Create(io),
            ServeCommand.Create(io),
        };
        root.Subcommands.Add(CompletionCommand.Create(root, io));
        ToolVersion.Install(root, io);
        return root;
    }

    /// <summary>The value of `--lang X` or `--lang=X` anywhere on the line, or null.</summary>
    private static string? LanguageArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
                break;
            if (args[i] == "--lang" && i + 1 < args.Length)
                return args[i + 1];
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
                return args[i]["--lang=".Length..];
        }
        return null;
    }
}
