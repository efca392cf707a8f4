using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;
using PanicLens.Storage;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens buckets [--since T] [--host H] [--kernel K] [--format text|json|markdown]`: the store's buckets, largest
/// first; `--explain A B` says, key by key, why two reports or buckets were grouped or not.
/// </summary>
public static class BucketsCommand
{
    public static Command Create(CliIo io)
    {
        var since = new Option<string>("--since") { Description = Words.Get("help.buckets.1"), HelpName = "TIME" };
        var host = new Option<string>("--host") { Description = Words.Get("help.buckets.2"), HelpName = "HOST" };
        var kernel = new Option<string>("--kernel") { Description = Words.Get("help.buckets.3"), HelpName = "RELEASE" };
        var explain = new Option<string[]>("--explain")
        {
            Description = Words.Get("help.buckets.4"),
            HelpName = "A B",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var format = StoreOptions.Format("text", "json", "markdown");
        var command = new Command("buckets", Words.Get("help.buckets.5"))
        {
            StoreOptions.Db, since, host, kernel, explain, format,
        };
        command.SetAction(int (parse) =>
        {
            using var store = StoreOptions.OpenExisting(parse);
            if (parse.GetValue(explain) is [var a, var b])
            {
                BucketExplainRenderer.Write(Keys(store, a), Keys(store, b), parse.GetValue(format)!, io);
                return CommandBoundary.Ok;
            }
            var buckets = store.Buckets(new BucketFilter(parse.GetValue(since), parse.GetValue(host), parse.GetValue(kernel)));
            BucketListRenderer.Write(buckets, parse.GetValue(format)!, io);
            return CommandBoundary.Ok;
        });
        return command;
    }

    /// <summary>A report id (digits) or a bucket id (`b` + hex), with the keys it carries.</summary>
    private static (string Id, Buckets.BucketKeys Keys) Keys(ICrashStore store, string id)
    {
        if (long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var report))
            return store.FindReport(report) is { } r ? (Words.Format("explain.report", r.Id), r.Keys) : throw new UsageException(Words.Format("error.no-report", id, store.Name));
        return store.FindBucket(id) is { } bucket ? (Words.Format("explain.bucket", bucket.Id), bucket.Keys) : throw new UsageException(Words.Format("error.no-bucket", id, store.Name));
    }
}
