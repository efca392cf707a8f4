namespace PanicLens.Storage;

/// <summary>Reports per bucket per day, for the dashboard's trend of each bucket.</summary>
public sealed partial class SqlCrashStore
{
    public IReadOnlyList<BucketDay> BucketDays(BucketFilter filter) => Guard(() =>
    {
        var (where, parameters) = Where(filter, null);
        // Times are stored as ISO 8601 text (`2024-01-02T03:04:05`), so the day is the first ten characters.
        var day = $"SUBSTR({SeenAt}, 1, 10)";
        using var command = Command(null, $"""
            SELECT r.bucket_id, {day}, COUNT(*) FROM reports r JOIN hosts h ON h.id = r.host_id
            {where}
            GROUP BY r.bucket_id, {day}
            """, parameters);
        using var reader = command.ExecuteReader();
        var days = new List<BucketDay>();
        while (reader.Read())
            days.Add(new BucketDay(reader.GetString(0), reader.GetString(1), Long(reader, 2)));
        days.Sort((a, b) => a.BucketId != b.BucketId ? string.CompareOrdinal(a.BucketId, b.BucketId) : string.CompareOrdinal(a.Day, b.Day));
        return days;
    });
}
