using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Ingest;
using PanicLens.Knowledge;

namespace PanicLens.Cli.Commands;

/// <summary>`paniclens analyze LOG...`: every crash report in the inputs, in argument order then log order.</summary>
public static class AnalyzeCommand
{
    public static readonly string[] Formats = ["text", "json", "markdown", "html"];

    public static Command Create(CliIo io)
    {
        var inputs = new Argument<string[]>("logs")
        {
            Description = Words.Get("help.analyze.1"),
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = Words.Get("help.analyze.2"),
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var noColor = new Option<bool>("--no-color") { Description = Words.Get("help.analyze.3") };
        var full = new Option<bool>("--full") { Description = Words.Get("help.analyze.4") };
        var brief = new Option<bool>("--brief") { Description = Words.Get("help.analyze.5") };
        var registers = new Option<bool>("--registers") { Description = Words.Get("help.analyze.6") };

        var command = new Command("analyze", Words.Get("help.analyze.7"))
        {
            inputs, format, noColor, full, brief, registers, KbCommand.KbOption,
        };
        command.SetAction(int (parse) => Run(io, parse.GetValue(inputs)!, new TextOptions(parse.GetValue(format)!,
            parse.GetValue(noColor), Layout(parse.GetValue(full), parse.GetValue(brief)), parse.GetValue(registers)), () => KbCommand.LoadKnowledge(parse)));
        return command;
    }

    private static int Run(CliIo io, string[] inputs, TextOptions options, Func<KnowledgeBase> loadKnowledge)
    {
        foreach (var path in inputs)
            CheckReadable(path);
        // The knowledge base loads on the second core while this one reads and parses the first report; a mistake
        // in a --kb file still stops the run before any output, because output starts only once it has loaded.
        var knowledge = Task.Run(loadKnowledge);
        var pipeline = new ReportPipeline(() => knowledge.GetAwaiter().GetResult());
        using var text = io.OpenText();
        var renderer = CreateRenderer(options, io, text);
        var started = false;
        var count = 0;
        foreach (var path in inputs)
        {
            using var stream = CompressedInput.Open(path == "-" ? io.Stdin : OpenInput(path), path);
            foreach (var report in pipeline.Analyze(stream, path))
            {
                Start(renderer, ref started, knowledge);
                renderer.Write(report);
                count++;
            }
        }
        Start(renderer, ref started, knowledge);
        renderer.End(inputs.Length, count);
        text.Flush();
        (renderer as IDisposable)?.Dispose();
        return CommandBoundary.Ok;
    }

    private static void Start(IReportRenderer renderer, ref bool started, Task<KnowledgeBase> knowledge)
    {
        if (started)
            return;
        knowledge.GetAwaiter().GetResult();
        renderer.Begin();
        started = true;
    }

    private static IReportRenderer CreateRenderer(TextOptions options, CliIo io, TextWriter text)
    {
        var palette = new Palette(io.Terminal && !options.NoColor && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
        return options.Format switch
        {
            "json" => new JsonReportRenderer(io.Stdout),
            "markdown" => new MarkdownReportRenderer(text),
            "html" => new HtmlReportRenderer(text),
            _ when options.Layout == TextLayout.Full => new FullTextReportRenderer(text, palette),
            _ when options.Layout == TextLayout.Brief => new BriefReportRenderer(text),
            _ => new TextReportRenderer(text, palette, options.Registers),
        };
    }

    private static TextLayout Layout(bool full, bool brief) => (full, brief) switch
    {
        (true, true) => throw new UsageException(Words.Get("error.full-brief")),
        (true, _) => TextLayout.Full,
        (_, true) => TextLayout.Brief,
        _ => TextLayout.FirstScreen,
    };

    private enum TextLayout { FirstScreen, Full, Brief }

    private sealed record TextOptions(string Format, bool NoColor, TextLayout Layout, bool Registers);

    /// <summary>Fails before any output, so a typo in the third path does not leave half a JSON document.</summary>
    private static void CheckReadable(string path)
    {
        if (path == "-")
            return;
        if (Directory.Exists(path))
            throw new UsageException(Words.Format("error.directory", path));
        if (!File.Exists(path))
            throw new UsageException(Words.Format("error.no-file", path));
        using var _ = OpenInput(path);
    }

    private static FileStream OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Words.Format("error.cannot-read", path, e.Message));
        }
    }
}
