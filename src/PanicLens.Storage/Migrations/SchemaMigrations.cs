namespace PanicLens.Storage.Migrations;

/// <summary>
/// The schema, in order. Never edit a shipped step: add one. Times are ISO 8601 text and flags integers, the types
/// both databases compare alike.
/// </summary>
public static class SchemaMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "hosts, files, buckets, reports", """
            CREATE TABLE hosts (
              id {id},
              name TEXT NOT NULL UNIQUE
            );
            CREATE TABLE files (
              id {id},
              host_id BIGINT NOT NULL REFERENCES hosts(id),
              device TEXT NOT NULL,
              inode TEXT NOT NULL,
              path TEXT NOT NULL,
              head_hash TEXT NOT NULL,
              head_length BIGINT NOT NULL,
              size BIGINT NOT NULL,
              offset_read BIGINT NOT NULL,
              lines_read BIGINT NOT NULL,
              compression TEXT NOT NULL,
              scanned_at TEXT NOT NULL,
              UNIQUE (device, inode)
            );
            CREATE TABLE buckets (
              id TEXT PRIMARY KEY,
              title TEXT NOT NULL,
              type TEXT NOT NULL,
              exact_key TEXT NOT NULL,
              stack_key TEXT NOT NULL,
              title_key TEXT NOT NULL,
              domain_key TEXT NOT NULL,
              created_at TEXT NOT NULL
            );
            CREATE TABLE reports (
              id {id},
              host_id BIGINT NOT NULL REFERENCES hosts(id),
              file_id BIGINT NOT NULL REFERENCES files(id),
              content_hash TEXT NOT NULL,
              start_line BIGINT NOT NULL,
              end_line BIGINT NOT NULL,
              pending INTEGER NOT NULL,
              title TEXT NOT NULL,
              type TEXT NOT NULL,
              kernel TEXT,
              logged_at TEXT,
              found_at TEXT NOT NULL,
              bucket_id TEXT NOT NULL REFERENCES buckets(id),
              exact_key TEXT NOT NULL,
              stack_key TEXT NOT NULL,
              title_key TEXT NOT NULL,
              domain_key TEXT NOT NULL,
              known_issue TEXT,
              report_json TEXT,
              raw_text TEXT,
              UNIQUE (host_id, content_hash, start_line)
            );
            CREATE INDEX reports_bucket ON reports (bucket_id);
            CREATE INDEX reports_file ON reports (file_id, pending);
            """),
        new(2, "last boot of hosts, release booted at a file's offset, line numbers of report lines", """
            ALTER TABLE hosts ADD COLUMN last_boot TEXT;
            ALTER TABLE hosts ADD COLUMN last_boot_kernel TEXT;
            ALTER TABLE files ADD COLUMN boot_kernel TEXT;
            ALTER TABLE reports ADD COLUMN line_numbers TEXT;
            """),
        // `serve`: one crash arriving over several live sources (netconsole, syslog, a console log) is one report with
        // each source listed; `lossy` marks a copy that a sequence gap or a cut cost lines.
        new(3, "report sources of live collection", """
            CREATE TABLE report_sources (
              report_id BIGINT NOT NULL REFERENCES reports(id),
              source TEXT NOT NULL,
              received_at TEXT NOT NULL,
              lossy INTEGER NOT NULL,
              UNIQUE (report_id, source)
            );
            CREATE INDEX reports_host ON reports (host_id, id);
            """),
        // A storm (thousands of reports of one host or one bucket): each stored report asks whether its bucket still
        // keeps samples and whether it supersedes a pending copy; without these, both read every row of the bucket or
        // host, so a scan's time grew with the square of the storm.
        new(4, "indexes for the sample count of a bucket and the pending reports of a host", """
            CREATE INDEX reports_sampled ON reports (bucket_id) WHERE raw_text IS NOT NULL;
            CREATE INDEX reports_pending ON reports (host_id, start_line) WHERE pending = 1;
            """),
    ];
}
