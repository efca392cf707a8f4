using static PanicLens.Storage.Tests.StoreCases;

namespace PanicLens.Storage.Tests;

/// <summary>
/// The store contract: every test here runs against SQLite and against a real PostgreSQL (the two subclasses), so the
/// two databases cannot drift apart.
/// </summary>
public abstract class CrashStoreContract : IDisposable
{
    private readonly TestStores stores = new();
    private readonly List<ICrashStore> opened = [];

    protected abstract string Kind { get; }

    private string? uri;

    private string Uri => uri ??= stores.NewUri(Kind);

    private ICrashStore Open()
    {
        var store = CrashStores.Open(Uri);
        opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in opened)
            store.Dispose();
        stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Opening_a_store_twice_migrates_once_and_keeps_what_was_stored()
    {
        Open().Record(new FileRecord(File("web-01", "1"), [Report("ipv6_addr_copy", 10)]));
        var again = Open();
        Assert.Equal(1, again.CountReports());
        Assert.Equal(1, again.CountBuckets());
    }

    [Fact]
    public void Hosts_keep_their_latest_boot_and_reports_may_name_their_own_host()
    {
        var store = Open();
        var file = File("syslog", "1") with { BootKernel = "5.10.0-9" };
        store.Record(new FileRecord(file, [Report("ipv6_addr_copy", 10) with { Host = "web-03", LineNumbers = "10-40" }])
        {
            Boots = [new HostBoot("web-03", "2024-01-14T03:00:00", "5.10.0-9"), new HostBoot("db-07", null, "6.1.0-1")],
        });
        store.Record(new FileRecord(File("syslog", "2"), []) { Boots = [new HostBoot("web-03", "2024-01-13T00:00:00", "5.10.0-8")] });
        var hosts = store.Hosts().ToDictionary(h => h.Name);
        Assert.Equal(("2024-01-14T03:00:00", "5.10.0-9", 1L), (hosts["web-03"].LastBoot, hosts["web-03"].LastBootKernel, hosts["web-03"].Reports));
        Assert.Equal("6.1.0-1", hosts["db-07"].LastBootKernel);
        Assert.NotNull(hosts["db-07"].LastBoot);
        Assert.Equal(0, hosts["syslog"].Reports);
        Assert.Equal("5.10.0-9", store.FindFile("8:1", "1")!.BootKernel);
        var report = store.BucketReports(Keys("ipv6_addr_copy").BucketId, 10).Single();
        Assert.Equal(("web-03", "10-40"), (report.Host, report.LineNumbers));
    }

    [Fact]
    public void Files_marked_scanned_get_a_new_scan_time_and_keep_all_else_others_are_untouched()
    {
        var store = Open();
        for (var i = 0; i < 450; i++)
            store.Record(new FileRecord(File($"web-{i:D3}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), []));
        var before = store.Hosts().ToDictionary(h => h.Name);
        Thread.Sleep(20);

        // 401 files: more than two chunks of the statement; one (device, inode) pair the store does not know.
        store.MarkScanned([.. Enumerable.Range(0, 400).Select(i => ("8:1", i.ToString(System.Globalization.CultureInfo.InvariantCulture))), ("8:1", "99999")]);

        var after = store.Hosts().ToDictionary(h => h.Name);
        Assert.All(Enumerable.Range(0, 400), i => Assert.True(
            string.CompareOrdinal(after[$"web-{i:D3}"].LastScanned, before[$"web-{i:D3}"].LastScanned) > 0, $"web-{i:D3}"));
        Assert.All(Enumerable.Range(400, 50), i => Assert.Equal(before[$"web-{i:D3}"].LastScanned, after[$"web-{i:D3}"].LastScanned));
        Assert.Equal(before["web-007"] with { LastScanned = null }, after["web-007"] with { LastScanned = null });
        Assert.Equal(File("web-007", "7"), store.FindFile("8:1", "7")! with { BootKernel = null });
    }

    [Fact]
    public void A_boot_seen_live_is_a_new_hosts_last_boot_and_an_older_one_replaces_nothing()
    {
        var store = Open();
        store.Record(new FileRecord(File("syslog", "1"), []) { Boots = [new HostBoot("web-03", "2024-01-14T03:00:00", "5.10.0-9")] });
        store.RecordBoot(new HostBoot("web-03", "2024-01-15T08:00:00.000Z", "6.1.0-13"));
        store.RecordBoot(new HostBoot("web-03", "2024-01-14T12:00:00.000Z", "6.1.0-12"));
        store.RecordBoot(new HostBoot("bmc-01", "2024-01-10T00:00:00.000Z", "4.19.0-20"));
        var hosts = store.Hosts().ToDictionary(h => h.Name);
        Assert.Equal(("2024-01-15T08:00:00.000Z", "6.1.0-13"), (hosts["web-03"].LastBoot, hosts["web-03"].LastBootKernel));
        Assert.Equal(("2024-01-10T00:00:00.000Z", "4.19.0-20"), (hosts["bmc-01"].LastBoot, hosts["bmc-01"].LastBootKernel));
    }

    [Fact]
    public void A_report_recorded_twice_is_stored_once()
    {
        var store = Open();
        var record = new FileRecord(File("web-01", "1"), [Report("ipv6_addr_copy", 10), Report("tcp_sendmsg", 50)]);
        Assert.Equal(2, store.Record(record));
        Assert.Equal(0, store.Record(record));
        Assert.Equal(2, store.CountReports());
    }

    [Fact]
    public void The_same_report_from_a_rotated_copy_of_the_log_is_not_new()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-01", "1"), [Report("ipv6_addr_copy", 10)]));
        Assert.Equal(0, store.Record(new FileRecord(File("web-01", "2", path: "/logs/web-01.log.2.gz"), [Report("ipv6_addr_copy", 10)])));
        Assert.Equal(1, store.CountReports());
    }

    [Fact]
    public void Two_stores_recording_the_same_reports_at_once_neither_duplicate_nor_lose_any()
    {
        var reports = Enumerable.Range(0, 60).Select(i => Report(i % 2 == 0 ? "memcpy_evil" : "tcp_sendmsg", i * 40)).ToList();
        var a = Open();
        var b = Open();
        var counts = new int[2];
        Parallel.Invoke(
            () => { foreach (var chunk in reports.Chunk(7)) counts[0] += a.Record(new FileRecord(File("web-01", "1"), chunk)); },
            () => { foreach (var chunk in reports.AsEnumerable().Reverse().Chunk(5)) counts[1] += b.Record(new FileRecord(File("web-01", "1"), chunk)); });
        Assert.Equal(60, counts[0] + counts[1]);
        Assert.Equal(60, a.CountReports());
        Assert.Equal(60, b.Buckets(new BucketFilter()).Sum(x => x.Count));
    }

    [Fact]
    public void A_pending_report_is_replaced_by_its_completed_read_and_not_counted_twice()
    {
        var store = Open();
        Assert.Equal(1, store.Record(new FileRecord(File("web-01", "1", offset: 800), [Report("ipv6_addr_copy", 10, pending: true, text: "half")])));
        Assert.Equal(0, store.Record(new FileRecord(File("web-01", "1", offset: 800), [Report("ipv6_addr_copy", 10, pending: true, text: "half")])));
        Assert.Equal(0, store.Record(new FileRecord(File("web-01", "1", offset: 4000), [Report("ipv6_addr_copy", 10, text: "whole")])));
        var bucket = Assert.Single(store.Buckets(new BucketFilter()));
        var report = Assert.Single(store.BucketReports(bucket.Id, 10));
        Assert.False(report.Pending);
        Assert.EndsWith("whole", report.RawText);
    }

    [Fact]
    public void A_partial_record_replaces_only_the_pending_report_it_brings_again()
    {
        var store = Open();
        // One scan stored the log's last report as pending; another, reading the same log beside it, stores its
        // first reports in a partial record: the pending report stays for that scan's last record to replace.
        Assert.Equal(1, store.Record(new FileRecord(File("web-01", "1", offset: 800), [Report("tcp_v4_rcv", 90, pending: true, text: "half")])));
        Assert.Equal(1, store.Record(new FileRecord(File("web-01", "1"), [Report("ipv6_addr_copy", 10)]) { Partial = true }));
        Assert.True(Assert.Single(store.Reports(new ReportFilter()), r => r.StartLine == 90).Pending);
        Assert.Equal(0, store.Record(new FileRecord(File("web-01", "1", offset: 800), [Report("tcp_v4_rcv", 90, pending: true, text: "half")])));
        // A partial record that brings it again, complete, replaces it and does not count it as new.
        Assert.Equal(1, store.Record(new FileRecord(File("web-01", "1", offset: 800), [Report("tcp_v4_rcv", 90, text: "whole"), Report("kfree", 200)])
        {
            Partial = true,
        }));
        var reports = store.Reports(new ReportFilter());
        Assert.Equal(3, reports.Count);
        Assert.DoesNotContain(reports, r => r.Pending);
    }

    [Fact]
    public void A_file_is_found_again_by_device_and_inode_under_its_new_name()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-01", "77", offset: 1234), []));
        store.Record(new FileRecord(File("web-01", "77", offset: 1234, path: "/logs/web-01.log.1"), []));
        var file = store.FindFile("8:1", "77");
        Assert.NotNull(file);
        Assert.Equal(("/logs/web-01.log.1", 1234L, "web-01", "head77"), (file.Path, file.Offset, file.Host, file.HeadHash));
        Assert.Null(store.FindFile("8:1", "78"));
    }

    [Fact]
    public void Buckets_count_reports_with_their_hosts_kernels_times_and_known_issue_largest_first()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-02", "1"), [
            Report("tcp_sendmsg", 10, "5.10.0", "2024-01-02T00:00:00", knownIssue: "tcp-sack-panic"),
            Report("tcp_sendmsg", 90, "5.4.0", "2024-03-01T00:00:00", knownIssue: "tcp-sack-panic"),
            Report("ipv6_addr_copy", 200, null, "2024-02-01T00:00:00")]));
        store.Record(new FileRecord(File("db-01", "2"), [Report("tcp_sendmsg", 10, "5.10.0", "2024-01-01T00:00:00", knownIssue: "other")]));
        var buckets = store.Buckets(new BucketFilter());
        Assert.Equal([3L, 1L], buckets.Select(b => b.Count));
        var tcp = buckets[0];
        Assert.Equal(["db-01", "web-02"], tcp.Hosts);
        Assert.Equal(["5.10.0", "5.4.0"], tcp.Kernels);
        Assert.Equal(("2024-01-01T00:00:00", "2024-03-01T00:00:00"), (tcp.FirstSeen, tcp.LastSeen));
        Assert.Equal("tcp-sack-panic", tcp.KnownIssue);
        Assert.Equal(Keys("tcp_sendmsg"), tcp.Keys);
        var found = store.FindBucket(tcp.Id);
        Assert.NotNull(found);
        Assert.Equal((tcp.Count, tcp.Keys), (found.Count, found.Keys));
        Assert.Equal(tcp.Hosts, found.Hosts);
        Assert.Empty(buckets[1].Kernels);
        Assert.Null(buckets[1].KnownIssue);
    }

    [Fact]
    public void Buckets_filter_by_time_host_and_kernel()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-02", "1"), [
            Report("tcp_sendmsg", 10, "5.10.0", "2024-01-02T00:00:00"),
            Report("tcp_sendmsg", 90, "5.4.0", "2024-03-01T00:00:00"),
            Report("ipv6_addr_copy", 200, "5.4.0", "2024-02-01T00:00:00")]));
        store.Record(new FileRecord(File("db-01", "2"), [Report("tcp_sendmsg", 10, "5.10.0", "2024-01-01T00:00:00")]));
        Assert.Equal([1L, 1L], store.Buckets(new BucketFilter(Since: "2024-02")).Select(b => b.Count));
        Assert.Equal([1L], store.Buckets(new BucketFilter(Host: "db-01")).Select(b => b.Count));
        Assert.Equal([2L], store.Buckets(new BucketFilter(Kernel: "5.10.0")).Select(b => b.Count));
        Assert.Empty(store.Buckets(new BucketFilter(Host: "nobody")));
    }

    [Fact]
    public void Bucket_days_count_reports_per_bucket_and_day_within_the_filter()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-02", "1"), [
            Report("tcp_sendmsg", 10, "5.10.0", "2024-01-02T00:00:00"),
            Report("tcp_sendmsg", 90, "5.4.0", "2024-01-02T23:59:59"),
            Report("tcp_sendmsg", 120, "5.4.0", "2024-01-05T08:00:00"),
            Report("ipv6_addr_copy", 200, "5.4.0", "2024-02-01T00:00:00")]));
        store.Record(new FileRecord(File("db-01", "2"), [Report("tcp_sendmsg", 10, "5.10.0", "2023-12-31T00:00:00")]));
        var tcp = store.Buckets(new BucketFilter()).Single(b => b.Title.Contains("tcp_sendmsg", StringComparison.Ordinal)).Id;
        var days = store.BucketDays(new BucketFilter(Since: "2024-01"));
        Assert.Equal([("2024-01-02", 2L), ("2024-01-05", 1L)], days.Where(d => d.BucketId == tcp).Select(d => (d.Day, d.Count)));
        Assert.Equal(2, days.Select(d => d.BucketId).Distinct().Count());
        Assert.Equal([("2023-12-31", 1L)], store.BucketDays(new BucketFilter(Host: "db-01")).Select(d => (d.Day, d.Count)));
    }

    [Fact]
    public void A_storm_is_counted_whole_but_keeps_text_for_a_sample_only()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-01", "1"), [.. Enumerable.Range(0, SqlCrashStore.SamplePerBucket + 15).Select(i => Report("tcp_sendmsg", i * 40))]));
        var bucket = Assert.Single(store.Buckets(new BucketFilter()));
        Assert.Equal(SqlCrashStore.SamplePerBucket + 15, bucket.Count);
        var reports = store.BucketReports(bucket.Id, 1000);
        Assert.Equal(SqlCrashStore.SamplePerBucket, reports.Count(r => r.RawText is not null && r.ReportJson is not null));
    }

    [Fact]
    public void Reports_of_one_batch_keep_their_own_values_where_fields_turn_null_and_back()
    {
        // One transaction runs each statement again for every report with new values: a value, then none, then a value
        // again, in every nullable field, must come back as each report gave it.
        var store = Open();
        var given = Enumerable.Range(0, 6).Select(i => Report("tcp_sendmsg", 10 + 100 * i,
            kernel: i % 2 == 0 ? $"5.{i}.0" : null, timestamp: i % 3 == 0 ? null : $"2024-01-0{i}T00:00:00",
            knownIssue: i % 2 == 1 ? "issue-" + i : null)).ToList();
        store.Record(new FileRecord(File("web-01", "1"), given));
        var stored = store.BucketReports(Keys("tcp_sendmsg").BucketId, 100).Select(r => store.FindReport(r.Id)!).OrderBy(r => r.StartLine).ToList();
        Assert.Equal(given.Select(r => (r.StartLine, r.EndLine, r.Kernel, r.Timestamp)), stored.Select(r => (r.StartLine, r.EndLine, r.Kernel, r.Timestamp)));
        Assert.Equal(given.Select(r => r.KnownIssue), stored.Select(r => r.KnownIssue));
    }

    [Fact]
    public void A_report_reads_back_with_its_host_file_span_and_keys()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-01", "1"), [Report("ipv6_addr_copy", 10, "2.6.32", "2017-01-14T01:04:26")]));
        var id = store.BucketReports(Keys("ipv6_addr_copy").BucketId, 1)[0].Id;
        var report = store.FindReport(id);
        Assert.NotNull(report);
        Assert.Equal(("web-01", "/logs/web-01.log", 10L, 40L, "2.6.32", "2017-01-14T01:04:26", Keys("ipv6_addr_copy")),
            (report.Host, report.Path, report.StartLine, report.EndLine, report.Kernel, report.Timestamp, report.Keys));
        Assert.Null(store.FindReport(id + 1000));
    }

    [Fact]
    public void Hosts_list_their_crash_count_and_last_crash()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-02", "1"), [
            Report("tcp_sendmsg", 10, "5.10.0", "2024-01-02T00:00:00"), Report("ipv6_addr_copy", 90, "5.4.0", "2024-03-01T00:00:00")]));
        store.Record(new FileRecord(File("db-01", "2"), []));
        var hosts = store.Hosts();
        Assert.Equal(["db-01", "web-02"], hosts.Select(h => h.Name));
        Assert.Equal((0L, 1L), (hosts[0].Reports, hosts[0].Files));
        Assert.Equal((2L, "2024-03-01T00:00:00", "5.4.0"), (hosts[1].Reports, hosts[1].LastCrash, hosts[1].LastKernel));
    }

    [Fact]
    public void A_store_written_by_a_newer_paniclens_is_refused_in_one_line()
    {
        using (var store = CrashStores.Open(Uri))
            store.CountReports();
        TestStores.Execute(Uri, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'future', 'now')");
        var error = Assert.Throws<StoreException>(() => CrashStores.Open(Uri));
        Assert.Contains("version 999", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_live_report_from_several_sources_is_stored_once_with_each_source_listed()
    {
        var store = Open();
        var first = store.RecordLive(new LiveReport("web-07", "netconsole", Report("ipv6_addr_copy", 10), Lossy: true, Instant: 4552564718));
        // Another stream saw it at another line of its own: the line is no part of a live report's identity.
        var elsewhere = Report("ipv6_addr_copy", 10) with { StartLine = 99, EndLine = 129 };
        var again = store.RecordLive(new LiveReport("web-07", "syslog", elsewhere, Lossy: false, Instant: 4552564718));
        var twice = store.RecordLive(new LiveReport("web-07", "syslog", elsewhere, Lossy: false, Instant: 4552564718));
        Assert.True(first.IsNew);
        Assert.False(again.IsNew);
        Assert.Equal(first.ReportId, again.ReportId);
        Assert.Equal(first.ReportId, twice.ReportId);
        Assert.Equal([("netconsole", true), ("syslog", false)],
            store.Sources(first.ReportId).Select(s => (s.Source, s.Lossy)).OrderBy(s => s.Source, StringComparer.Ordinal));
        // The same text at another uptime is another crash.
        Assert.True(store.RecordLive(new LiveReport("web-07", "syslog", Report("ipv6_addr_copy", 10), Lossy: false, Instant: 9000000000)).IsNew);
        Assert.Equal(2, store.CountReports());
    }

    [Fact]
    public void Reports_are_listed_newest_first_by_host_and_paged_by_id()
    {
        var store = Open();
        store.Record(new FileRecord(File("web-01", "1"), [Report("a_fn", 10), Report("b_fn", 20), Report("c_fn", 30)]));
        store.Record(new FileRecord(File("db-01", "2"), [Report("d_fn", 10)]));
        var page = store.Reports(new ReportFilter(Host: "web-01", Limit: 2));
        Assert.Equal(2, page.Count);
        Assert.True(page[0].Id > page[1].Id);
        var next = store.Reports(new ReportFilter(Host: "web-01", Before: page[^1].Id, Limit: 2));
        Assert.Single(next);
        Assert.All(page.Concat(next), r => Assert.Equal("web-01", r.Host));
        Assert.Equal(4, store.Reports(new ReportFilter()).Count);
    }
}
