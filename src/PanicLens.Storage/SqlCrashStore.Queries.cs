using System.Data.Common;
using System.Text;
using PanicLens.Buckets;

namespace PanicLens.Storage;

/// <summary>The read side: buckets, reports and hosts. Lists are ordered here, in ordinal order, so both databases
/// (whatever their collation) answer alike.</summary>
public sealed partial class SqlCrashStore
{
    private const string SeenAt = "COALESCE(r.logged_at, r.found_at)";

    public IReadOnlyList<BucketSummary> Buckets(BucketFilter filter) => Guard(() => QueryBuckets(filter, null));

    public BucketSummary? FindBucket(string id) => Guard(() => QueryBuckets(new BucketFilter(), id) is [var one] ? one : null);

    private List<BucketSummary> QueryBuckets(BucketFilter filter, string? bucketId)
    {
        var (where, parameters) = Where(filter, bucketId);
        var rows = new List<(string Id, string Title, string Type, long Count, string? First, string? Last, BucketKeys Keys)>();
        using (var command = Command(null, $"""
            SELECT b.id, b.title, b.type, COUNT(*), MIN({SeenAt}), MAX({SeenAt}), b.exact_key, b.stack_key, b.title_key, b.domain_key
            FROM reports r JOIN buckets b ON b.id = r.bucket_id JOIN hosts h ON h.id = r.host_id
            {where}
            GROUP BY b.id, b.title, b.type, b.exact_key, b.stack_key, b.title_key, b.domain_key
            """, parameters))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Long(reader, 3), Text(reader, 4),
                    Text(reader, 5), new BucketKeys(reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9))));
        var hosts = Distinct($"SELECT DISTINCT r.bucket_id, h.name, 1 FROM reports r JOIN hosts h ON h.id = r.host_id {where}", parameters);
        var kernels = Distinct($"SELECT DISTINCT r.bucket_id, r.kernel, 1 FROM reports r JOIN hosts h ON h.id = r.host_id {where}{(where.Length == 0 ? "WHERE" : " AND")} r.kernel IS NOT NULL", parameters);
        var issues = Distinct($"SELECT r.bucket_id, r.known_issue, COUNT(*) FROM reports r JOIN hosts h ON h.id = r.host_id {where}{(where.Length == 0 ? "WHERE" : " AND")} r.known_issue IS NOT NULL GROUP BY r.bucket_id, r.known_issue", parameters);
        var buckets = new List<BucketSummary>(rows.Count);
        foreach (var row in rows)
            buckets.Add(new BucketSummary(row.Id, row.Title, row.Type, row.Count, Names(hosts, row.Id), Names(kernels, row.Id),
                row.First, row.Last, MostCommon(issues, row.Id), row.Keys));
        buckets.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Id, b.Id));
        return buckets;
    }

    private static (string Where, (string, object?)[] Parameters) Where(BucketFilter filter, string? bucketId)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, string? value)
        {
            if (value is null)
                return;
            clauses.Add(clause);
            parameters.Add((name, value));
        }
        Add($"{SeenAt} >= @since", "since", filter.Since);
        Add("h.name = @host", "host", filter.Host);
        Add("r.kernel = @kernel", "kernel", filter.Kernel);
        Add("r.bucket_id = @bucket", "bucket", bucketId);
        return (clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), parameters.ToArray());
    }

    /// <summary>Rows of (bucket, value, count) grouped by bucket.</summary>
    private Dictionary<string, List<(string Value, long Count)>> Distinct(string sql, (string, object?)[] parameters)
    {
        var values = new Dictionary<string, List<(string, long)>>(StringComparer.Ordinal);
        using var command = Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!values.TryGetValue(reader.GetString(0), out var list))
                values[reader.GetString(0)] = list = [];
            list.Add((reader.GetString(1), Long(reader, 2)));
        }
        return values;
    }

    private static List<string> Names(Dictionary<string, List<(string Value, long Count)>> values, string bucket)
    {
        var names = new List<string>();
        if (values.TryGetValue(bucket, out var list))
            foreach (var (value, _) in list)
                names.Add(value);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static string? MostCommon(Dictionary<string, List<(string Value, long Count)>> values, string bucket)
    {
        if (!values.TryGetValue(bucket, out var list))
            return null;
        string? best = null;
        long most = 0;
        foreach (var (value, count) in list)
            if (count > most || (count == most && string.CompareOrdinal(value, best) < 0))
                (best, most) = (value, count);
        return best;
    }

    private const string ReportColumns = """
        r.id, h.name, f.path, r.start_line, r.end_line, r.pending, r.title, r.type, r.kernel, r.logged_at, r.found_at,
        r.bucket_id, r.known_issue, r.exact_key, r.stack_key, r.title_key, r.domain_key, r.report_json, r.raw_text,
        r.line_numbers
        FROM reports r JOIN hosts h ON h.id = r.host_id JOIN files f ON f.id = r.file_id
        """;

    public IReadOnlyList<StoredReport> BucketReports(string id, int limit) => Guard(() =>
        ReadReports(Command(null, $"SELECT {ReportColumns} WHERE r.bucket_id = @b ORDER BY {SeenAt} DESC, r.id DESC LIMIT @n",
            ("b", id), ("n", (long)limit))));

    public StoredReport? FindReport(long id) => Guard(() =>
        ReadReports(Command(null, $"SELECT {ReportColumns} WHERE r.id = @id", ("id", id))) is [var one] ? one : null);

    private static List<StoredReport> ReadReports(DbCommand command)
    {
        using var _ = command;
        using var reader = command.ExecuteReader();
        var reports = new List<StoredReport>();
        while (reader.Read())
            reports.Add(new StoredReport(Long(reader, 0), reader.GetString(1), reader.GetString(2), Long(reader, 3), Long(reader, 4),
                Long(reader, 5) != 0, reader.GetString(6), reader.GetString(7), Text(reader, 8), Text(reader, 9), reader.GetString(10),
                reader.GetString(11), Text(reader, 12),
                new BucketKeys(reader.GetString(13), reader.GetString(14), reader.GetString(15), reader.GetString(16)),
                Text(reader, 17), Text(reader, 18)) { LineNumbers = Text(reader, 19) });
        return reports;
    }

    public IReadOnlyList<HostSummary> Hosts() => Guard(() =>
    {
        var last = new StringBuilder("(SELECT {0} FROM reports r WHERE r.host_id = h.id ORDER BY ")
            .Append(SeenAt).Append(" DESC, r.id DESC LIMIT 1)").ToString();
        using var command = Command(null, $"""
            SELECT h.name, (SELECT COUNT(*) FROM reports r WHERE r.host_id = h.id),
              {string.Format(last, SeenAt)}, {string.Format(last, "r.title")}, {string.Format(last, "r.kernel")},
              (SELECT COUNT(*) FROM files f WHERE f.host_id = h.id), (SELECT MAX(f.scanned_at) FROM files f WHERE f.host_id = h.id),
              h.last_boot, h.last_boot_kernel
            FROM hosts h
            """);
        using var reader = command.ExecuteReader();
        var hosts = new List<HostSummary>();
        while (reader.Read())
            hosts.Add(new HostSummary(reader.GetString(0), Long(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                Long(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8)));
        hosts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return hosts;
    });
}
