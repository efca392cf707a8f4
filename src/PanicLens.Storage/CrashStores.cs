using System.Data.Common;
using PanicLens.Storage.Localization;
using PanicLens.Storage.Postgres;
using PanicLens.Storage.Sqlite;

namespace PanicLens.Storage;

/// <summary>Opens the store a `--db` URI names: a file path or `sqlite:PATH` for SQLite, `postgres://...` for PostgreSQL.</summary>
public static class CrashStores
{
    public const string DefaultPath = "paniclens.db";

    public static ICrashStore Open(string? uri)
    {
        uri ??= DefaultPath;
        SqlDialect dialect = uri.StartsWith("postgres://", StringComparison.Ordinal) || uri.StartsWith("postgresql://", StringComparison.Ordinal)
            ? new PostgresDialect(uri)
            : new SqliteDialect(uri.StartsWith("sqlite:", StringComparison.Ordinal) ? uri["sqlite:".Length..] : uri);
        try
        {
            return new SqlCrashStore(dialect);
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StoreException(StoreMessages.Format("store.cannot-open", dialect.Name, e.Message), e);
        }
    }
}
