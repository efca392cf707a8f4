using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Storage;

namespace PanicLens.Cli.Commands;

/// <summary>The `--db URI` option the store verbs share, and opening the store it names.</summary>
public static class StoreOptions
{
    public static Option<string> Db { get; } = new("--db")
    {
        Description = Words.Format("help.storeoptions.2", CrashStores.DefaultPath),
        HelpName = "URI",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = Words.Format("help.storeoptions.1", string.Join(", ", formats)),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static ICrashStore Open(ParseResult parse) => CrashStores.Open(parse.GetValue(Db));

    /// <summary>The store a reading command queries: one that does not exist is an error, not a new empty store.</summary>
    public static ICrashStore OpenExisting(ParseResult parse) => CrashStores.Open(parse.GetValue(Db), create: false);

    /// <summary>The SQLite files of the store, which a scan of the folder holding them must not read as logs.</summary>
    public static HashSet<string> Files(string? uri)
    {
        uri ??= CrashStores.DefaultPath;
        if (uri.StartsWith("postgres", StringComparison.Ordinal))
            return [];
        var path = Path.GetFullPath(uri.StartsWith("sqlite:", StringComparison.Ordinal) ? uri["sqlite:".Length..] : uri);
        return [path, path + "-wal", path + "-shm", path + "-journal"];
    }
}
