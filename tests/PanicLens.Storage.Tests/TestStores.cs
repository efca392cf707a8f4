using Npgsql;

namespace PanicLens.Storage.Tests;

/// <summary>
/// Fresh, empty stores for tests: a SQLite file in a temporary folder, or a new database on the PostgreSQL that
/// `.ci/run` starts (its URI in PANICLENS_TEST_POSTGRES). Without that variable the PostgreSQL tests fail: a store
/// test that passes because its database did not start proves nothing.
/// </summary>
public sealed class TestStores : IDisposable
{
    public const string PostgresVariable = "PANICLENS_TEST_POSTGRES";

    private readonly List<string> folders = [];
    private readonly List<string> databases = [];

    public string NewUri(string kind) => kind switch
    {
        "sqlite" => NewSqlite(),
        "postgres" => NewPostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "sqlite or postgres"),
    };

    public string NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paniclens-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        folders.Add(folder);
        return "sqlite:" + Path.Combine(folder, "paniclens.db");
    }

    public string NewPostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through `bash .ci/run`, which starts a PostgreSQL");
        var name = "paniclens_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(ConnectionString(server)))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }
        databases.Add(name);
        var uri = new Uri(server);
        return $"{uri.Scheme}://{uri.UserInfo}@{uri.Host}:{uri.Port}/{name}";
    }

    /// <summary>Runs SQL on a store's database behind its back (to stage what another program version left).</summary>
    public static void Execute(string storeUri, string sql)
    {
        System.Data.Common.DbConnection connection = storeUri.StartsWith("sqlite:", StringComparison.Ordinal)
            ? new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + storeUri["sqlite:".Length..] + ";Pooling=false")
            : new NpgsqlConnection(ConnectionString(storeUri));
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static string ConnectionString(string server)
    {
        var uri = new Uri(server);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Username = uri.UserInfo.Split(':')[0],
            Database = uri.AbsolutePath.TrimStart('/'),
            Pooling = false,
        }.ToString();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (databases.Count > 0 && Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server)
        {
            using var admin = new NpgsqlConnection(ConnectionString(server));
            admin.Open();
            foreach (var name in databases)
            {
                using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
                drop.ExecuteNonQuery();
            }
        }
        foreach (var folder in folders)
            Directory.Delete(folder, recursive: true);
    }
}
