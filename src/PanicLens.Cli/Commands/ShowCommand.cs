using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Storage;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens show BUCKET|REPORT [--format text|json]`: one bucket (summary, its reports, its newest sampled report
/// analysed in full) or one report. Text re-runs the pipeline on the stored lines, so it reads as `analyze` does.
/// </summary>
public static class ShowCommand
{
    /// <summary>Reports a bucket lists.</summary>
    public const int Listed = 20;

    public static Command Create(CliIo io)
    {
        var id = new Argument<string>("id") { Description = Words.Get("help.show.1") };
        var format = StoreOptions.Format("text", "json");
        var command = new Command("show", Words.Get("help.show.2"))
        {
            id, StoreOptions.Db, format, KbCommand.KbOption,
        };
        command.SetAction(int (parse) =>
        {
            using var store = StoreOptions.OpenExisting(parse);
            var value = parse.GetValue(id)!;
            var renderer = new StoredReportRenderer(io, parse.GetValue(format)!, () => KbCommand.LoadKnowledge(parse));
            if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                var report = store.FindReport(number) ?? throw new UsageException(Words.Format("error.no-report", value, store.Name));
                renderer.WriteReport(report);
                return CommandBoundary.Ok;
            }
            var bucket = store.FindBucket(value) ?? throw new UsageException(Words.Format("error.no-bucket", value, store.Name));
            renderer.WriteBucket(bucket, store.BucketReports(bucket.Id, Listed));
            return CommandBoundary.Ok;
        });
        return command;
    }
}
