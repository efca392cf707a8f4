using PanicLens.Mining.Checking;
using PanicLens.Mining.Mining;
using PanicLens.Mining.Titles;

namespace PanicLens.Mining;

/// <summary>
/// The command line and its boundary: arguments in, exit code out (0 done, 2 usage or environment error with a
/// one-line message). The verbs return data; only this class and the writers it calls print.
/// </summary>
public static class Verbs
{
    private const string Usage = """
        paniclens-mine mine GITDIR... --out DIR [--max N] [--syzbot]
            walk list archives (bare git, one mail per commit in `m`), keep mails holding a crash report
            (N mails per archive at the most, default 1000), one text file per mail under DIR/<list>/;
            --syzbot keeps only syzbot's first report mails (their subject is syzkaller's title of the crash)
        paniclens-mine titles DIR... [--failures FILE]
            run every mail mined with --syzbot through the pipeline and compare its first report's title with
            the subject's; --failures writes each miss as a JSON line
        paniclens-mine check DIR... [--format text|json] [--failures FILE] [--digest FILE]
            run every mined file through the PanicLens pipeline and hold each report to the evidence in its text;
            --failures writes every failing case as JSON lines, --digest a markdown digest grouped by cause
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args.Length == 0 ? Fail(error, "no verb") : args[0] switch
            {
                "mine" => Mine(Arguments.Parse(args[1..]), output),
                "check" => Check(Arguments.Parse(args[1..]), output),
                "titles" => Titles(Arguments.Parse(args[1..]), output),
                "--help" or "-h" or "help" => Help(output),
                _ => Fail(error, $"unknown verb '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            return Fail(error, e.Message);
        }
        catch (IOException e)
        {
            return Fail(error, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(error, e.Message);
        }
    }

    private static int Mine(Arguments arguments, TextWriter output)
    {
        var options = new MineOptions(arguments.Positional, arguments.Required("--out"), arguments.Int("--max", 1000),
            arguments.Flag("--syzbot"));
        if (options.GitDirs.Count == 0)
            throw new UsageException("mine needs at least one GITDIR");
        foreach (var dir in options.GitDirs)
            if (!Directory.Exists(dir))
                throw new UsageException($"{dir}: no such directory");
        output.WriteLine("list\tread\toversize\tcrash\twritten\tduplicate");
        foreach (var tally in new Miner(options).Run())
        {
            output.WriteLine($"{tally.List}\t{tally.Read}\t{tally.Oversize}\t{tally.Crash}\t{tally.Written}\t{tally.Duplicate}");
            output.Flush();
        }
        return 0;
    }

    private static int Check(Arguments arguments, TextWriter output)
    {
        if (arguments.Positional.Count == 0)
            throw new UsageException("check needs at least one DIR");
        var format = arguments.Optional("--format") ?? "text";
        if (format is not ("text" or "json"))
            throw new UsageException($"--format is text or json, not '{format}'");
        foreach (var root in arguments.Positional)
            if (!Directory.Exists(root) && !File.Exists(root))
                throw new UsageException($"{root}: no such file or directory");
        var checker = new Checker();
        foreach (var file in Checker.Files(arguments.Positional))
            checker.CheckFile(file);
        var figures = new StringWriter();
        FiguresWriter.WriteText(figures, checker.Total, checker.ByList);
        if (format == "json")
            FiguresWriter.WriteJson(output, checker.Total, checker.ByList);
        else
            output.Write(figures.ToString());
        if (arguments.Optional("--failures") is { } failures)
            FailuresFile.Write(failures, checker.Failures);
        if (arguments.Optional("--digest") is { } digest)
        {
            using var writer = new StreamWriter(digest);
            DigestWriter.Write(writer, figures.ToString(), checker.Failures);
        }
        return 0;
    }

    private static int Titles(Arguments arguments, TextWriter output)
    {
        if (arguments.Positional.Count == 0)
            throw new UsageException("titles needs at least one DIR");
        var checker = new TitleChecker();
        foreach (var root in arguments.Positional)
        {
            if (!Directory.Exists(root))
                throw new UsageException($"{root}: no such directory");
            checker.CheckFolder(root);
        }
        TitleFiguresWriter.Write(output, checker);
        if (arguments.Optional("--failures") is { } failures)
            TitleFiguresWriter.WriteMisses(failures, checker.Misses);
        return 0;
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"paniclens-mine: {message}");
        error.WriteLine(Usage);
        return 2;
    }
}
