using Microsoft.Data.Sqlite;

namespace PanicLens.Storage.Tests;

/// <summary>
/// Each stored report asks how many samples its bucket keeps and whether it supersedes a pending copy of its host: in a
/// storm of one bucket or one host those questions must read an index of a few entries, not every report (migration 4).
/// </summary>
public sealed class StormIndexTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    [Theory]
    [InlineData("SELECT COUNT(*) FROM (SELECT 1 FROM reports WHERE bucket_id = 'b' AND raw_text IS NOT NULL LIMIT 20) AS kept", "reports_sampled")]
    [InlineData("DELETE FROM reports WHERE host_id = 1 AND start_line = 5 AND bucket_id = 'b' AND pending = 1 AND content_hash <> 'h'", "reports_pending")]
    public void A_stored_reports_questions_about_its_bucket_and_host_read_their_partial_index(string query, string index)
    {
        var uri = stores.NewUri("sqlite");
        CrashStores.Open(uri).Dispose();
        using var connection = new SqliteConnection("Data Source=" + uri["sqlite:".Length..] + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.Contains("USING INDEX " + index, StringComparison.Ordinal)
            || step.Contains("USING COVERING INDEX " + index, StringComparison.Ordinal));
    }
}
