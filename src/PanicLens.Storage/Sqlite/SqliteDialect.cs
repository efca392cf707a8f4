using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PanicLens.Storage.Sqlite;

/// <summary>
/// SQLite in one file. WAL lets readers run beside a writer; the busy timeout makes a second scanner wait for the
/// first one's transaction instead of failing; Microsoft.Data.Sqlite begins transactions IMMEDIATE, so two writers
/// queue up instead of deadlocking on a read lock each.
/// </summary>
public sealed class SqliteDialect(string path) : SqlDialect
{
    public override string Name => path;

    public override string IdColumn => "INTEGER PRIMARY KEY";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>BEGIN IMMEDIATE already holds the write lock.</summary>
    public override void LockForMigration(DbConnection connection, DbTransaction transaction) { }
}
