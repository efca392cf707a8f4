using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Cli.Scanning;
using PanicLens.Knowledge;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens scan PATH... [--db URI] [--host-from REGEX] [--follow] [--jobs N] [--metrics-file PATH] [--format text|json]`: every crash in a console archive,
/// stored and bucketed. Exit 0, or 1 when a file was skipped (each one named with its reason); 2 when the scan cannot run.
/// </summary>
public static class ScanCommand
{
    public static Command Create(CliIo io)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = Words.Get("help.scan.1"),
            Arity = ArgumentArity.OneOrMore,
        };
        var hostFrom = new Option<string>("--host-from")
        {
            Description = Words.Get("help.scan.2"),
            HelpName = "REGEX",
        };
        var follow = new Option<bool>("--follow", "-L")
        {
            Description = Words.Get("help.scan.4"),
        };
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = Words.Get("help.scan.5"),
            HelpName = "N",
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
                result.AddError(Words.Format("scan.bad-jobs", result.GetValueOrDefault<int?>()!));
        });
        var metricsFile = new Option<string>("--metrics-file")
        {
            Description = Words.Get("help.scan.6"),
            HelpName = "PATH",
        };
        var format = StoreOptions.Format("text", "json");
        var command = new Command("scan", Words.Get("help.scan.3"))
        {
            paths, StoreOptions.Db, hostFrom, follow, jobs, metricsFile, format, KbCommand.KbOption,
        };
        command.SetAction(int (parse) =>
        {
            var naming = HostNaming.Create(parse.GetValue(hostFrom));
            var knowledge = new Lazy<KnowledgeBase>(() => KbCommand.LoadKnowledge(parse));
            // The user's own entries are checked before anything is read (a mistake stops the scan at once); with the
            // shipped entries alone (tested when built) the base loads when the first report needs its diagnosis, so
            // a scan that finds no crash does not pay for reading it.
            if (parse.GetValue(KbCommand.KbOption) is { Length: > 0 })
                _ = knowledge.Value;
            using var store = StoreOptions.Open(parse);
            var scanner = new FleetScanner(store, naming, () => knowledge.Value)
            {
                Excluded = StoreOptions.Files(parse.GetValue(StoreOptions.Db)),
                FollowLinks = parse.GetValue(follow),
                // More threads than cores gain nothing on a scan bound by CPU and memory, and each holds its own buffers.
                Parallelism = Math.Min(parse.GetValue(jobs) ?? Environment.ProcessorCount, Environment.ProcessorCount),
            };
            ScanSummary summary;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // The progress line goes to a terminal's stderr only: quiet when piped, and never in tests.
            using (ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected ? new ScanProgressRenderer(scanner.Progress, io.Error) : null)
                summary = scanner.Scan(parse.GetValue(paths)!);
            ScanSummaryRenderer.Write(summary, store.Name, parse.GetValue(format)!, io);
            if (parse.GetValue(metricsFile) is { } metrics)
                ScanMetricsFile.Write(metrics, summary, clock.Elapsed, DateTimeOffset.UtcNow);
            return summary.Skipped.Count > 0 ? CommandBoundary.Findings : CommandBoundary.Ok;
        });
        return command;
    }
}
