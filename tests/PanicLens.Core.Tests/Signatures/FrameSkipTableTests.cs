using PanicLens.Signatures;
using PanicLens.Text;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// The skip, anchor and type tables load, every row says why and where it comes from, and the fast matcher means
/// exactly what the rows mean (any row matches as an unanchored regex).
/// </summary>
public sealed class FrameSkipTableTests
{
    public static IEnumerable<object[]> Rows() =>
        FrameSkips.All.Select(r => new object[] { "skip", r.Pattern }).Concat(StallAnchors.All.Select(r => new object[] { "anchor", r.Pattern }));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_compiles_on_both_engines_and_says_why_and_where_from(string table, string pattern)
    {
        var row = (table == "skip" ? FrameSkips.All : StallAnchors.All).First(r => r.Pattern == pattern);
        var regex = new ShortTextRegex(row.Pattern);
        Assert.NotNull(regex.Linear);
        Assert.False(string.IsNullOrWhiteSpace(row.Why), $"{pattern}: no why");
        Assert.True(row.Source.StartsWith("linux.go:", StringComparison.Ordinal) || (row.IsOurs && row.Source.Length > FrameSkip.Ours.Length + 4),
            $"{pattern}: source '{row.Source}' is neither a reference line nor ours with a reason");
        // Go's `$` is .NET's `\z`, and Go's ASCII classes are spelt out: a row using the .NET meanings is a porting slip.
        Assert.DoesNotContain("$", row.Pattern);
        Assert.DoesNotContain("\\d", row.Pattern);
        Assert.DoesNotContain("\\w", row.Pattern);
    }

    [Fact]
    public void The_global_table_is_the_whole_reference_list_and_rows_are_unique()
    {
        Assert.True(FrameSkips.All.Count(r => !r.IsOurs) >= 235, "the reference list has about 240 rows");
        Assert.Equal(FrameSkips.All.Length, FrameSkips.All.Select(r => r.Pattern).Distinct().Count());
        Assert.Equal(StallAnchors.All.Length, StallAnchors.All.Select(r => r.Pattern).Distinct().Count());
        Assert.All(CrashTypes.All, t => Assert.True(t.Source.StartsWith("title_to_type.go:", StringComparison.Ordinal) || t.Source.StartsWith("ours: ", StringComparison.Ordinal), t.Prefix));
    }

    /// <summary>Names that exercise every shape the matcher sorts rows into (words, prefixes, suffixes, whole names, regexes).</summary>
    public static IEnumerable<object[]> Names()
    {
        string[] names =
        [
            "tcp_v4_rcv", "kfree", "kvfree", "kfree_rcu", "__kfree_skb", "down", "down_killable", "up", "iput", "iput_final", "__iput",
            "readl", "readl_relaxed", "ioread32", "crc32_le", "mycrc32", "atomic64_try_cmpxchg", "atomic_long_add", "test_and_set_bit",
            "complete", "complete_all", "copyin", "copyout", "xcopyin", "mutex_lock", "__mutex_unlock_slowpath", "my_mutex_lock",
            "rb_erase", "ext4_rb_insert", "get_taint", "put_device", "put_device_node", "klist_next", "_trap", "do_int3_trap",
            "el1h_64_sync_handler", "el1h_64_irq", "READ_ONCE_nocheck", "read_once_word_nocheck", "lock_page", "unlock_page_memcg",
            "__filemap_get_folio", "sys_connect", "connect", "accept", "accept4", "kthread", "kthreadd", "page_fault", "asm_exc_page_fault",
            "smp_call_function_single", "__x64_sys_ioctl", "dput", "fast_dput", "string_nocheck", "pointer", "hwrng_unregister",
        ];
        return names.Select(n => new object[] { n });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_fast_matcher_answers_as_the_rows_do_one_regex_each(string name)
    {
        Assert.Equal(AnyRow(FrameSkips.All, name), FrameSkips.Global.IsMatch(name));
        Assert.Equal(AnyRow(StallAnchors.All, name), StallAnchors.Matcher.IsMatch(name));
        string[] extra = ["^usb_", "schedule", "_encrypt\\z", "^(?:crypto|cipher)_"];
        var withExtra = FrameSkips.Build(extra);
        Assert.Equal(AnyRow(FrameSkips.All, name) || extra.Any(p => new ShortTextRegex(p).IsMatch(name)), withExtra.IsMatch(name));
    }

    /// <summary>
    /// Every frame name of the corpus (tens of thousands of lines, a few thousand names): the fast matcher answers as the
    /// reference's own construction does, all rows joined by `|` into one pattern.
    /// </summary>
    [Fact]
    public void On_every_corpus_frame_name_the_fast_matcher_answers_as_the_joined_rows_do()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Corpus("syzkaller-linux")).Concat(Directory.EnumerateFiles(RepoPaths.Corpus("production"))))
            foreach (var line in PanicLens.Ingest.LineReader.Read(File.ReadAllText(path, System.Text.Encoding.Latin1)))
                if (StackLines.TryReadFrame(line.Text, out var name))
                    names.Add(name);
        // The backtracking engine: the joined table is past the linear engine's automaton limit (see NameMatcher).
        var skips = new System.Text.RegularExpressions.Regex(string.Join('|', FrameSkips.All.Select(r => r.Pattern)));
        var anchors = new System.Text.RegularExpressions.Regex(string.Join('|', StallAnchors.All.Select(r => r.Pattern)));
        var skipped = 0;
        foreach (var name in names)
        {
            Assert.True(skips.IsMatch(name) == FrameSkips.Global.IsMatch(name), name);
            Assert.True(anchors.IsMatch(name) == StallAnchors.Matcher.IsMatch(name), name);
            skipped += skips.IsMatch(name) ? 1 : 0;
        }
        Assert.True(names.Count > 2000 && skipped > 200, $"{names.Count} names, {skipped} skipped");
    }

    private static bool AnyRow(FrameSkip[] rows, string name) => rows.Any(r => new ShortTextRegex(r.Pattern).IsMatch(name));

    /// <summary>Per group: an invented frame the group must skip, and a near miss it must not (nor any other row).</summary>
    [Theory]
    [InlineData("Sanitizers", "__asan_load8_noabort", "asan_like_driver_load")]
    [InlineData("Sanitizers", "my_check_object_size", "check_obj_size")]
    [InlineData("Reporting", "skb_over_panic", "pan_ic_handler")]
    [InlineData("Reporting", "math_error_trap", "trapdoor_open")]
    [InlineData("Reporting", "get_taint", "get_taint_mask")]
    [InlineData("Allocators", "foo_kvzalloc_node", "foo_valloc_node")]
    [InlineData("Allocators", "kvfree", "kvfreeze")]
    [InlineData("DebugObjects", "debug_object_activate", "debug_objekt")]
    [InlineData("Locking", "_raw_spin_lock_irqsave", "spinlock_owner_show")]
    [InlineData("Locking", "down", "downgrade_fs")]
    [InlineData("Locking", "mutex_lock_nested", "my_mutex_lock")]
    [InlineData("Atomics", "atomic64_fetch_add_relaxed", "atomic_long_peek")]
    [InlineData("Atomics", "kref_put", "my_kref_put")]
    [InlineData("StringsAndCopies", "_copy_from_user", "copy_user_huge_page")]
    [InlineData("StringsAndCopies", "copyin", "xcopyin")]
    [InlineData("Containers", "__list_del_entry_valid", "lis_del")]
    [InlineData("Containers", "rb_insert_color", "ext4_rb_insert")]
    [InlineData("Printing", "vsnprintf", "sprint_symbol")]
    [InlineData("Deferred", "__flush_work", "flush_wq_item")]
    [InlineData("Deferred", "complete", "complete_all")]
    [InlineData("DeviceModel", "kobject_put", "kobj_put")]
    [InlineData("DeviceModel", "put_device", "put_device_node")]
    [InlineData("Mmio", "readl", "readl_relaxed")]
    [InlineData("FilesAndPages", "iput", "__iput")]
    [InlineData("FilesAndPages", "unlock_page", "page_unlocked")]
    [InlineData("ArchAndChecksums", "crc32c_le", "mycrc32")]
    [InlineData("ArchAndChecksums", "el1h_64_sync_handler", "el1h_64_irq")]
    public void A_group_skips_its_frames_and_not_a_near_miss(string group, string skipped, string kept)
    {
        var rows = (FrameSkip[])typeof(FrameSkips).GetField(group)!.GetValue(null)!;
        Assert.True(AnyRow(rows, skipped), $"{group} does not skip {skipped}");
        Assert.True(FrameSkips.Global.IsMatch(skipped));
        Assert.False(FrameSkips.Global.IsMatch(kept), $"{kept} is skipped, but no row means it");
    }

    [Theory]
    [InlineData("KCSAN: assert: race in foo / bar", "KCSAN-ASSERT")]
    [InlineData("KFENCE: use-after-free in foo", "KFENCE-USE-AFTER-FREE-READ")]
    [InlineData("KASAN: invalid-access Write in foo", "KASAN-UNKNOWN")]
    [InlineData("unregister_netdevice: waiting for DEV to become free", "DoS")]
    [InlineData("kernel panic: Fatal machine check", "HARDWARE")]
    [InlineData("Xen: Domain 0 crashed", "DoS")]
    [InlineData("kernel panic: Attempted to kill init!", "DoS")]
    [InlineData("INFO: task hung in foo", "HANG")]
    [InlineData("INFO: trying to register non-static key in foo", "")]
    [InlineData("WARNING: suspicious RCU usage in foo", "LOCKDEP")]
    [InlineData("INFO: suspicious RCU usage in foo", "")]
    public void Types_follow_the_reference_order(string title, string type)
    {
        Assert.Equal(type, CrashTypes.FromTitle(title));
    }
}
