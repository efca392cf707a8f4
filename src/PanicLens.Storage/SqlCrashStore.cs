using System.Data;
using System.Data.Common;
using PanicLens.Storage.Localization;
using PanicLens.Storage.Migrations;

namespace PanicLens.Storage;

/// <summary>
/// The store in SQL that SQLite and PostgreSQL both speak (`INSERT ... ON CONFLICT`, `RETURNING`); a
/// <see cref="SqlDialect"/> supplies the rest. One connection, used under a lock: parsing is the work, writes are
/// short. Each file's reports and state go in one transaction; the unique keys make a second copy of a report a no-op,
/// whichever process brings it.
/// </summary>
public sealed partial class SqlCrashStore : ICrashStore
{
    /// <summary>Reports per bucket that keep their text and JSON; the rest are counted only (a storm stays small).</summary>
    public const int SamplePerBucket = 20;

    private readonly SqlDialect dialect;
    private readonly DbConnection connection;
    private readonly Lock gate = new();

    public SqlCrashStore(SqlDialect dialect)
    {
        this.dialect = dialect;
        connection = dialect.Open();
        try
        {
            Migrate();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public string Name => dialect.Name;

    public int SchemaVersion => SchemaMigrations.All[^1].Version;

    private void Migrate()
    {
        using var transaction = connection.BeginTransaction();
        dialect.LockForMigration(connection, transaction);
        Execute(transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = Convert.ToInt32(Scalar(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
        if (current > SchemaVersion)
            throw new StoreException(StoreMessages.Format("store.newer-schema", Name, current, SchemaVersion));
        foreach (var migration in SchemaMigrations.All)
        {
            if (migration.Version <= current)
                continue;
            Execute(transaction, migration.Sql.Replace("{id}", dialect.IdColumn));
            Execute(transaction, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)",
                ("v", migration.Version), ("d", migration.Description), ("t", Now()));
        }
        transaction.Commit();
    }

    public StoredFile? FindFile(string device, string inode) => Guard(() =>
    {
        using var command = Command(null, """
            SELECT h.name, f.device, f.inode, f.path, f.head_hash, f.head_length, f.size, f.offset_read, f.lines_read, f.compression,
              f.boot_kernel
            FROM files f JOIN hosts h ON h.id = f.host_id WHERE f.device = @d AND f.inode = @i
            """, ("d", device), ("i", inode));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new StoredFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetString(4), Long(reader, 5), Long(reader, 6), Long(reader, 7), Long(reader, 8), reader.GetString(9))
        {
            BootKernel = Text(reader, 10),
        };
    });

    /// <summary>Pairs in one `UPDATE ... WHERE (device, inode) IN (...)` of <see cref="MarkScanned"/>.</summary>
    private const int MarkChunk = 200;

    public void MarkScanned(IReadOnlyList<(string Device, string Inode)> files) => Guard(() =>
    {
        using var transaction = connection.BeginTransaction();
        var now = Now();
        for (var start = 0; start < files.Count; start += MarkChunk)
        {
            var chunk = files.Skip(start).Take(MarkChunk).ToList();
            var pairs = string.Join(", ", chunk.Select((_, i) => $"(@d{i}, @i{i})"));
            var parameters = chunk.SelectMany((f, i) => new (string, object?)[] { ($"d{i}", f.Device), ($"i{i}", f.Inode) })
                .Append(("t", now)).ToArray();
            Execute(transaction, $"UPDATE files SET scanned_at = @t WHERE (device, inode) IN ({pairs})", parameters);
        }
        transaction.Commit();
        return 0;
    });

    /// <summary>
    /// Two scanners that store overlapping reports in different orders can deadlock in PostgreSQL; it aborts one,
    /// which then runs again (its inserts are idempotent).
    /// </summary>
    public int Record(FileRecord record)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Guard(() => RecordOnce(record));
            }
            catch (StoreException e) when (attempt < 5 && e.InnerException is DbException { SqlState: "40P01" or "40001" })
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    private int RecordOnce(FileRecord record)
    {
        using var transaction = connection.BeginTransaction();
        var file = record.File;
        var hosts = new Dictionary<string, long>(StringComparer.Ordinal);
        var host = HostId(transaction, file.Host, hosts);
        var fileId = Convert.ToInt64(Scalar(transaction, """
            INSERT INTO files (host_id, device, inode, path, head_hash, head_length, size, offset_read, lines_read, compression, scanned_at, boot_kernel)
            VALUES (@h, @d, @i, @p, @hh, @hl, @s, @o, @l, @c, @t, @bk)
            ON CONFLICT (device, inode) DO UPDATE SET host_id = excluded.host_id, path = excluded.path,
              head_hash = excluded.head_hash, head_length = excluded.head_length, size = excluded.size,
              offset_read = excluded.offset_read, lines_read = excluded.lines_read, compression = excluded.compression,
              scanned_at = excluded.scanned_at, boot_kernel = excluded.boot_kernel
            RETURNING id
            """, ("h", host), ("d", file.Device), ("i", file.Inode), ("p", file.Path), ("hh", file.HeadHash),
            ("hl", file.HeadLength), ("s", file.Size), ("o", file.Offset), ("l", file.Lines), ("c", file.Compression), ("t", Now()),
            ("bk", file.BootKernel)));
        var replaced = DropPending(transaction, fileId, record.Partial ? record.Reports : null);
        var added = 0;
        foreach (var report in record.Reports)
            if (Insert(transaction, report.Host is { } own ? HostId(transaction, own, hosts) : host, fileId, report)
                && !replaced.Contains(report.StartLine))
                added++;
        foreach (var boot in record.Boots)
            Boot(transaction, boot, hosts);
        transaction.Commit();
        return added;
    }

    public void RecordBoot(HostBoot boot) => Guard(() =>
    {
        using var transaction = connection.BeginTransaction();
        Boot(transaction, boot, new Dictionary<string, long>(StringComparer.Ordinal));
        transaction.Commit();
        return 0;
    });

    /// <summary>The host's last boot becomes <paramref name="boot"/> unless the store knows a later one.</summary>
    private void Boot(DbTransaction transaction, HostBoot boot, Dictionary<string, long> hosts) =>
        Execute(transaction, """
            UPDATE hosts SET last_boot = @t, last_boot_kernel = @k WHERE id = @h AND (last_boot IS NULL OR last_boot <= @t)
            """, ("h", HostId(transaction, boot.Host, hosts)), ("t", boot.Timestamp ?? Now()), ("k", boot.Kernel));

    /// <summary>The id of the host named <paramref name="name"/>, added when new.</summary>
    private long HostId(DbTransaction transaction, string name, Dictionary<string, long> known)
    {
        if (known.TryGetValue(name, out var id))
            return id;
        Execute(transaction, "INSERT INTO hosts (name) VALUES (@n) ON CONFLICT (name) DO NOTHING", ("n", name));
        return known[name] = Convert.ToInt64(Scalar(transaction, "SELECT id FROM hosts WHERE name = @n", ("n", name)));
    }

    /// <summary>
    /// Deletes the file's pending reports (this read replaces them), or only those starting where one of
    /// <paramref name="only"/> starts, and returns their start lines.
    /// </summary>
    private HashSet<long> DropPending(DbTransaction transaction, long fileId, IReadOnlyList<NewReport>? only)
    {
        var lines = new HashSet<long>();
        if (only is null)
            Read(Command(transaction, "DELETE FROM reports WHERE file_id = @f AND pending = 1 RETURNING start_line", ("f", fileId)));
        else
        {
            // A file has one pending report or none: look first, and delete only what this record brings again.
            Read(Command(transaction, "SELECT start_line FROM reports WHERE file_id = @f AND pending = 1", ("f", fileId)));
            lines.IntersectWith(only.Select(r => r.StartLine));
            foreach (var start in lines)
                Execute(transaction, "DELETE FROM reports WHERE file_id = @f AND pending = 1 AND start_line = @sl", ("f", fileId), ("sl", start));
        }
        return lines;

        void Read(DbCommand command)
        {
            using (command)
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    lines.Add(Long(reader, 0));
        }
    }

    private bool Insert(DbTransaction transaction, long host, long fileId, NewReport report)
    {
        var keys = report.Keys;
        var bucket = keys.BucketId;
        Execute(transaction, """
            INSERT INTO buckets (id, title, type, exact_key, stack_key, title_key, domain_key, created_at)
            VALUES (@b, @title, @type, @e, @s, @tk, @dk, @t) ON CONFLICT (id) DO NOTHING
            """, ("b", bucket), ("title", report.Title), ("type", report.Type), ("e", keys.Exact), ("s", keys.Stack),
            ("tk", keys.Title), ("dk", keys.Domain), ("t", Now()));
        // A complete report supersedes a pending one of the same host, line and bucket read from another file (the
        // log was rotated and compressed before the next scan of its old name).
        var superseded = report.Pending ? 0 : Execute(transaction, """
            DELETE FROM reports WHERE host_id = @h AND start_line = @sl AND bucket_id = @b AND pending = 1 AND content_hash <> @hash
            """, ("h", host), ("sl", report.StartLine), ("b", bucket), ("hash", report.ContentHash));
        var sampled = Convert.ToInt64(Scalar(transaction,
            "SELECT COUNT(*) FROM (SELECT 1 FROM reports WHERE bucket_id = @b AND raw_text IS NOT NULL LIMIT @n) AS kept",
            ("b", bucket), ("n", SamplePerBucket))) < SamplePerBucket;
        using var command = Command(transaction, """
            INSERT INTO reports (host_id, file_id, content_hash, start_line, end_line, pending, title, type, kernel, logged_at,
              found_at, bucket_id, exact_key, stack_key, title_key, domain_key, known_issue, report_json, raw_text, line_numbers)
            VALUES (@h, @f, @hash, @sl, @el, @p, @title, @type, @k, @la, @fa, @b, @e, @s, @tk, @dk, @ki, @json, @raw, @ln)
            ON CONFLICT (host_id, content_hash, start_line) DO NOTHING
            RETURNING id
            """, ("h", host), ("f", fileId), ("hash", report.ContentHash), ("sl", report.StartLine), ("el", report.EndLine),
            ("p", report.Pending ? 1 : 0), ("title", report.Title), ("type", report.Type), ("k", report.Kernel),
            ("la", report.Timestamp), ("fa", Now()), ("b", bucket), ("e", keys.Exact), ("s", keys.Stack), ("tk", keys.Title),
            ("dk", keys.Domain), ("ki", report.KnownIssue), ("json", sampled ? report.ReportJson : null),
            ("raw", sampled ? report.RawText : null), ("ln", sampled ? report.LineNumbers : null));
        using var reader = command.ExecuteReader();
        return reader.Read() && superseded == 0;
    }

    public long CountReports() => Guard(() => Convert.ToInt64(Scalar(null, "SELECT COUNT(*) FROM reports")));

    public long CountBuckets() => Guard(() => Convert.ToInt64(Scalar(null, "SELECT COUNT(DISTINCT bucket_id) FROM reports")));

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    private static long Long(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column));

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>Database errors after opening (connection lost, disk full) become one line naming the store.</summary>
    private T Guard<T>(Func<T> action)
    {
        lock (gate)
        {
            try
            {
                return action();
            }
            catch (DbException e)
            {
                throw new StoreException($"{Name}: {e.Message}", e);
            }
        }
    }

    private DbCommand Command(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null or string)
                parameter.DbType = DbType.String;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    private int Execute(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    public void Dispose() => connection.Dispose();
}
