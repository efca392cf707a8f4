using System.Data.Common;

namespace PanicLens.Storage;

/// <summary>
/// The live side (`serve`): reports from streams rather than files. Each (host, source) stream is a row of `files`
/// (device `live`, the source as inode) so a live report has a file like a scanned one. The report's identity is host +
/// content hash + its first uptime stamp (in the start line column, which a stream has no use for), so whichever
/// collector and whichever source stores it first, the database keeps one;
/// every source that brought it gets a row in `report_sources`.
/// </summary>
public sealed partial class SqlCrashStore
{
    public const string LiveDevice = "live";

    public LiveRecord RecordLive(LiveReport live)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Guard(() => RecordLiveOnce(live));
            }
            catch (StoreException e) when (attempt < 5 && e.InnerException is DbException { SqlState: "40P01" or "40001" or "23505" })
            {
                // 23505: another collector inserted the same host, stream or report between our check and insert.
                Thread.Sleep(20 * attempt);
            }
        }
    }

    private LiveRecord RecordLiveOnce(LiveReport live)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, "INSERT INTO hosts (name) VALUES (@n) ON CONFLICT (name) DO NOTHING", ("n", live.Host));
        var host = Convert.ToInt64(Scalar(transaction, "SELECT id FROM hosts WHERE name = @n", ("n", live.Host)));
        var now = Now();
        var fileId = Convert.ToInt64(Scalar(transaction, """
            INSERT INTO files (host_id, device, inode, path, head_hash, head_length, size, offset_read, lines_read, compression, scanned_at)
            VALUES (@h, @d, @i, @p, '', 0, 0, 0, 0, 'none', @t)
            ON CONFLICT (device, inode) DO UPDATE SET scanned_at = excluded.scanned_at
            RETURNING id
            """, ("h", host), ("d", LiveDevice), ("i", live.Source + ":" + live.Host), ("p", live.Source + "://" + live.Host), ("t", now)));
        var report = live.Report with { StartLine = live.Instant, EndLine = live.Instant + live.Report.EndLine - live.Report.StartLine, Pending = false };
        var isNew = Insert(transaction, host, fileId, report);
        var id = Convert.ToInt64(Scalar(transaction,
            "SELECT id FROM reports WHERE host_id = @h AND content_hash = @hash AND start_line = @sl",
            ("h", host), ("hash", report.ContentHash), ("sl", report.StartLine)));
        Execute(transaction, """
            INSERT INTO report_sources (report_id, source, received_at, lossy) VALUES (@r, @s, @t, @l)
            ON CONFLICT (report_id, source) DO NOTHING
            """, ("r", id), ("s", live.Source), ("t", now), ("l", live.Lossy ? 1 : 0));
        transaction.Commit();
        return new LiveRecord(id, isNew);
    }

    public IReadOnlyList<ReportSource> Sources(long reportId) => Guard(() =>
    {
        using var command = Command(null, "SELECT source, received_at, lossy FROM report_sources WHERE report_id = @r ORDER BY received_at, source",
            ("r", reportId));
        using var reader = command.ExecuteReader();
        var sources = new List<ReportSource>();
        while (reader.Read())
            sources.Add(new ReportSource(reader.GetString(0), reader.GetString(1), Long(reader, 2) != 0));
        return sources;
    });

    public IReadOnlyList<StoredReport> Reports(ReportFilter filter) => Guard(() =>
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.Host is not null)
        {
            clauses.Add("h.name = @host");
            parameters.Add(("host", filter.Host));
        }
        if (filter.Bucket is not null)
        {
            clauses.Add("r.bucket_id = @bucket");
            parameters.Add(("bucket", filter.Bucket));
        }
        if (filter.Before is { } before)
        {
            clauses.Add("r.id < @before");
            parameters.Add(("before", before));
        }
        parameters.Add(("n", (long)filter.Limit));
        var where = clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
        return ReadReports(Command(null, $"SELECT {ReportColumns} {where} ORDER BY r.id DESC LIMIT @n", [.. parameters]));
    });
}
