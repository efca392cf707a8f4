using System.Data.Common;
using PanicLens.Storage.Localization;
using PanicLens.Storage.Postgres;
using PanicLens.Storage.Sqlite;

namespace PanicLens.Storage;

/// <summary>Opens the store a `--db` URI names: a file path or `sqlite:PATH` for SQLite, `postgres://...` for PostgreSQL.</summary>
public static partial class CrashStores
{
    public const string DefaultPath = "paniclens.db";

    /// <param name="create">
    /// False for the commands that only read a store (`buckets`, `show`, `hosts`): an SQLite file that does not exist is
    /// then an error, not a new empty store (a mistyped `--db` would otherwise answer "0 buckets").
    /// </param>
    public static ICrashStore Open(string? uri, bool create = true)
    {
        uri ??= DefaultPath;
        var scheme = Scheme().Match(uri);
        if (scheme.Success && scheme.Groups[1].Value is not ("postgres" or "postgresql"))
            throw new StoreException(StoreMessages.Format("store.unknown-scheme", uri, scheme.Groups[1].Value));
        var path = uri.StartsWith("sqlite:", StringComparison.Ordinal) ? uri["sqlite:".Length..] : uri;
        if (!scheme.Success && !create && !File.Exists(path))
            throw new StoreException(StoreMessages.Format("store.none", path));
        SqlDialect dialect = scheme.Success ? new PostgresDialect(uri) : new SqliteDialect(path);
        try
        {
            return new SqlCrashStore(dialect);
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StoreException(StoreMessages.Format("store.cannot-open", dialect.Name, e.Message), e);
        }
    }

    /// <summary>A URI's scheme (`postgres://`, `mysql://`); a path or `sqlite:PATH` has none.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\A([A-Za-z][A-Za-z0-9+.-]*)://")]
    private static partial System.Text.RegularExpressions.Regex Scheme();
}
