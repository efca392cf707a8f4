namespace PanicLens.Signatures;

/// <summary>
/// The frames every format passes over when choosing the guilty frame: code that detects, reports, allocates, locks,
/// copies, prints, queues or tears down on behalf of its caller, so the title names the caller that misused it.
/// Patterns are unanchored substrings unless they say `^`/`\z`, exactly as in the convention (so `dput` also skips
/// `fast_dput`, `panic` also `skb_over_panic`, `string` anything holding it). Rows carry the reference line they come
/// from: google/syzkaller pkg/report/linux.go at 1e72964b0111, `linuxStackParams.skipPatterns`, l.1333–1573.
/// The table has two rows of ours (`unwind_backtrace`, for arm traces the convention does not read; `warn_on_slowpath`, WARN_ON of 2.6.24-2.6.26). Nine others were tried (x86 5.8+ exception entry, arm fault entry, the return thunk) and
/// measured; none changed a corpus title, and each could only move a title away from the convention (two corpus files
/// want `__dabt_svc`, an arm fault vector, as the title). A row of ours would carry `ours:` and its reason in
/// <see cref="FrameSkip.Source"/>. Formats add their own rows (<see cref="StackSpec.Skip"/>).
/// </summary>
public static class FrameSkips
{
    private static string Ref(int line) => $"linux.go:{line} skipPatterns";

    /// <summary>Sanitizer runtimes and the checks they call: the bug is in the instrumented caller.</summary>
    public static readonly FrameSkip[] Sanitizers =
    [
        new("__sanitizer", "compiler-inserted sanitizer entry points", Ref(1334)),
        new("__asan", "KASAN's compiler ABI (__asan_load8...)", Ref(1335)),
        new("kasan", "KASAN runtime and report", Ref(1336)),
        new("hwasan", "tag-based KASAN ABI", Ref(1337)),
        new("__msan", "KMSAN's compiler ABI", Ref(1338)),
        new("kmsan", "KMSAN runtime and report", Ref(1339)),
        new("kcsan_setup_watchpoint", "KCSAN's watchpoint set-up sits on every instrumented access", Ref(1340)),
        new("check_memory_region", "KASAN's range check", Ref(1341)),
        new("check_heap_object", "hardened usercopy's heap check", Ref(1342)),
        new("check_object", "SLUB debug and hardened usercopy object checks (check_object_size too)", Ref(1343)),
        new("read_word_at_a_time", "word-at-a-time string reads that KASAN reports but are the caller's", Ref(1344)),
        new("(?:read|write)_once_.*nocheck", "READ_ONCE_NOCHECK helpers used by unwinders", Ref(1345)),
        new("seqprop_assert", "seqcount lockdep assertion", Ref(1424)),
        new("__fortify_report", "FORTIFY_SOURCE reports an overflow found in its caller", Ref(1560)),
    ];

    /// <summary>Panic, BUG/WARN trap plumbing, stack dumping and report printing.</summary>
    public static readonly FrameSkip[] Reporting =
    [
        new("print_address_description", "KASAN/KFENCE report printing", Ref(1346)),
        new("panic", "panic() and its wrappers (skb_panic, skb_over_panic too)", Ref(1347)),
        new("invalid_op", "x86 #UD entry that BUG()/WARN() trap through", Ref(1348)),
        new("report_bug", "BUG/WARN table lookup", Ref(1349)),
        new("fixup_bug", "x86 BUG/WARN fix-up", Ref(1350)),
        new("print_report", "sanitizer report printer", Ref(1351)),
        new("print_usage_bug", "lockdep usage report", Ref(1352)),
        new("do_error", "x86 do_error_trap", Ref(1353)),
        new("_trap\\z", "trap handlers (do_trap, math_error_trap...)", Ref(1355)),
        new("do_trap", "generic trap dispatch", Ref(1355)),
        new("show_stack", "stack dumping", Ref(1356)),
        new("dump_stack", "stack dumping (dump_stack_lvl too)", Ref(1357)),
        new("walk_stack", "unwinder", Ref(1358)),
        new("dump_backtrace", "arm64 stack dumping", Ref(1359)),
        new("^unwind_backtrace\\z", "arm32 stack dumping with CONFIG_ARM_UNWIND: show_stack() calls it where frame-pointer builds call "
            + "dump_backtrace(), and it prints itself as the first frame",
            FrameSkip.Ours + "arch/arm/kernel/unwind.c; the convention never reads these traces, which print no opening line (StackPart.OpensAtArmFrame)"),
        new("warn_slowpath", "pre-4.x WARN() implementation", Ref(1360)),
        new("^warn_on_slowpath\\z", "WARN_ON()'s out-of-line body of 2.6.24-2.6.26, printing `WARNING: at %s:%d %s()` and dump_stack(), "
            + "renamed warn_slowpath in 2.6.27 (the row above)",
            FrameSkip.Ours + "kernel/panic.c; on i386 its trace prints no opening line (StackPart.OpensAtI386Frame), older than the convention's corpus"),
        new("warn_alloc", "allocation-failure warning", Ref(1361)),
        new("warn_bogus", "WARN on a bogus irq", Ref(1362)),
        new("__warn", "WARN() implementation", Ref(1363)),
        new("print_unlock", "lockdep unlock-imbalance report", Ref(1383)),
        new("imbalance_bug", "lockdep print_unlock_imbalance_bug", Ref(1384)),
        new("assertfail", "XFS assertion failure reporter", Ref(1534)),
        new("hex_dump_to_buffer", "hex dump printing", Ref(1538)),
        new("print_hex_dump", "hex dump printing", Ref(1539)),
        new("stack_trace_consume_entry", "stack trace capture", Ref(1543)),
        new("arch_stack_walk", "stack trace capture", Ref(1544)),
        new("stack_trace_save", "stack trace capture", Ref(1545)),
        new("print_tainted", "taint string printing", Ref(1555)),
        new("^get_taint\\z", "taint query inside report printing", Ref(1565)),
        new("program_check_exception", "powerpc trap entry for BUG/WARN", Ref(1480)),
        new("program_check_common", "powerpc trap entry for BUG/WARN", Ref(1481)),
    ];

    /// <summary>Allocators and page-cache allocation helpers: the bug is in the code that asked for memory.</summary>
    public static readonly FrameSkip[] Allocators =
    [
        new("alloc_page", "page allocator (alloc_pages, __alloc_pages...)", Ref(1364)),
        new("k?v?(?:m|z|c)alloc", "kmalloc, kzalloc, kcalloc, kvmalloc, vmalloc and friends", Ref(1365)),
        new("krealloc", "reallocation", Ref(1366)),
        new("kmem_cache", "slab cache allocation and freeing", Ref(1367)),
        new("allocate_slab", "slab growth", Ref(1368)),
        new("__alloc_frozen_pages_noprof", "page allocator core (6.14+)", Ref(1369)),
        new("folio_(?:alloc|unlock)", "folio allocation and unlock", Ref(1370)),
        new("filemap_alloc_folio", "page-cache folio allocation", Ref(1371)),
        new("__filemap_get_folio", "page-cache lookup that allocates", Ref(1372)),
        new("find_or_create_page", "page-cache lookup that allocates", Ref(1373)),
        new("do_read_cache_folio", "page-cache read helper", Ref(1374)),
        new("read_cache_page", "page-cache read helper", Ref(1375)),
        new("pagecache_get_page", "page-cache lookup that allocates", Ref(1376)),
        new("grab_cache_page_write_begin", "page-cache write helper", Ref(1377)),
        new("slab_", "slab internals (slab_alloc, slab_free...)", Ref(1378)),
        new("memdup", "kmemdup, memdup_user: allocate and copy", Ref(1430)),
        new("strdup", "kstrdup: allocate and copy", Ref(1442)),
        new("strndup", "kstrndup: allocate and copy", Ref(1443)),
        new("kasprintf", "allocate and print", Ref(1469)),
        new("kvasprintf", "allocate and print", Ref(1470)),
        new("^kv?free\\z", "kfree, kvfree", Ref(1519)),
        new("kfree_skb", "socket buffer freeing", Ref(1520)),
    ];

    /// <summary>Debug objects: the object's owner misused it.</summary>
    public static readonly FrameSkip[] DebugObjects =
    [
        new("debug_object", "debugobjects tracking", Ref(1379)),
        new("timer_is_static_object", "debugobjects fix-up callback for timers", Ref(1380)),
        new("work_is_static_object", "debugobjects fix-up callback for work items", Ref(1381)),
    ];

    /// <summary>Lock acquisition, lockdep and irq-state tracing.</summary>
    public static readonly FrameSkip[] Locking =
    [
        new("lockdep", "lockdep itself", Ref(1385)),
        new("bh_enable", "local_bh_enable: softirqs run on enable", Ref(1386)),
        new("bh_disable", "local_bh_disable", Ref(1387)),
        new("lock_acquire", "lockdep acquire hook", Ref(1389)),
        new("lock_release", "lockdep release hook", Ref(1390)),
        new("lock_class", "lockdep class registration", Ref(1391)),
        new("mark_lock", "lockdep state marking", Ref(1392)),
        new("(?:reacquire|mark)_held_locks", "lockdep irq-state bookkeeping", Ref(1393)),
        new("raw_spin_rq", "scheduler runqueue lock", Ref(1394)),
        new("spin_lock", "spinlocks (raw, irqsave, bh...)", Ref(1395)),
        new("spin_trylock", "spinlocks", Ref(1396)),
        new("spin_unlock", "spinlocks", Ref(1397)),
        new("read_lock", "rwlocks", Ref(1398)),
        new("read_trylock", "rwlocks", Ref(1399)),
        new("write_lock", "rwlocks", Ref(1400)),
        new("write_trylock", "rwlocks", Ref(1401)),
        new("read_unlock", "rwlocks", Ref(1402)),
        new("write_unlock", "rwlocks", Ref(1403)),
        new("^down\\z", "semaphores", Ref(1404)),
        new("down_read", "rw-semaphores", Ref(1405)),
        new("down_write", "rw-semaphores", Ref(1406)),
        new("down_read_trylock", "rw-semaphores", Ref(1407)),
        new("down_write_trylock", "rw-semaphores", Ref(1408)),
        new("down_trylock", "semaphores", Ref(1409)),
        new("up_read", "rw-semaphores", Ref(1410)),
        new("up_write", "rw-semaphores", Ref(1411)),
        new("^mutex_", "mutexes", Ref(1412)),
        new("^__mutex_", "mutex internals", Ref(1413)),
        new("^rt_mutex_", "rt-mutexes", Ref(1414)),
        new("owner_on_cpu", "mutex optimistic spinning", Ref(1415)),
        new("osq_lock", "optimistic spin queue", Ref(1416)),
        new("osq_unlock", "optimistic spin queue", Ref(1417)),
        new("(?:trace|lockdep)_(?:hard|soft)irq", "irq-state tracing (trace_hardirqs_on...)", Ref(1541)),
        new("lock_timer_base", "timer base lock", Ref(1567)),
    ];

    /// <summary>Atomics, bit operations and reference counts.</summary>
    public static readonly FrameSkip[] Atomics =
    [
        new("atomic(?:64)?_(?:dec|inc|read|set|or|xor|and|add|sub|fetch|xchg|cmpxchg|try)", "atomic operations (instrumented ones are real frames)", Ref(1418)),
        new("(?:set|clear|change|test)_bit", "bit operations", Ref(1419)),
        new("^refcount_", "refcount_t operations", Ref(1421)),
        new("^kref_", "kref operations", Ref(1422)),
        new("ref_tracker", "reference tracker", Ref(1423)),
    ];

    /// <summary>Memory, string and user-copy helpers: the caller passed the bad buffer.</summary>
    public static readonly FrameSkip[] StringsAndCopies =
    [
        new("memcpy", "memory helper", Ref(1425)),
        new("memcmp", "memory helper", Ref(1426)),
        new("memset", "memory helper", Ref(1427)),
        new("memchr", "memory helper", Ref(1428)),
        new("memmove", "memory helper", Ref(1429)),
        new("strcmp", "string helper", Ref(1431)),
        new("strncmp", "string helper", Ref(1432)),
        new("strcpy", "string helper", Ref(1433)),
        new("strlcpy", "string helper", Ref(1434)),
        new("strncpy", "string helper (strncpy_from_user too)", Ref(1435)),
        new("strscpy", "string helper", Ref(1436)),
        new("strlen", "string helper", Ref(1437)),
        new("strstr", "string helper", Ref(1438)),
        new("strnstr", "string helper", Ref(1439)),
        new("strnlen", "string helper (strnlen_user too)", Ref(1440)),
        new("strchr", "string helper", Ref(1441)),
        new("copy_to_user", "user copy", Ref(1444)),
        new("copy_from_user", "user copy", Ref(1445)),
        new("copy_to_iter", "iov_iter copy", Ref(1446)),
        new("copy_from_iter", "iov_iter copy", Ref(1447)),
        new("copy_page_to_iter", "iov_iter copy", Ref(1448)),
        new("copy_page_from_iter", "iov_iter copy", Ref(1449)),
        new("copy_folio_to_iter", "iov_iter copy", Ref(1450)),
        new("^copyin\\z", "iov_iter user copy", Ref(1451)),
        new("^copyout\\z", "iov_iter user copy", Ref(1452)),
        new("put_user", "user access", Ref(1453)),
        new("get_user", "user access (pin_user_pages... too)", Ref(1454)),
        new("__might_fault", "might_fault debug check", Ref(1382)),
        new("might_fault", "might_fault debug check", Ref(1455)),
        new("might_sleep", "might_sleep debug check", Ref(1456)),
        new("__might_resched", "might_sleep's core check", Ref(1533)),
        new("extract_(?:user|iter)_to_sg", "iov_iter to scatterlist", Ref(1563)),
        new("__phys_addr", "virt_to_phys debug check", Ref(1559)),
        new("_indirect_thunk_", "retpolines", Ref(1464)),
    ];

    /// <summary>Lists, rbtrees, klists, xarrays, hash tables and ids: the caller's data is corrupt.</summary>
    public static readonly FrameSkip[] Containers =
    [
        new("list_add", "list helper (CONFIG_DEBUG_LIST checks too)", Ref(1457)),
        new("list_del", "list helper", Ref(1458)),
        new("list_replace", "list helper", Ref(1459)),
        new("list_move", "list helper", Ref(1460)),
        new("list_splice", "list helper", Ref(1461)),
        new("^rb_", "rbtree helper", Ref(1462)),
        new("^__rb_", "rbtree internals", Ref(1463)),
        new("^klist_", "klist helper", Ref(1540)),
        new("ida_free", "id allocator", Ref(1549)),
        new("xas_(?:start|load|find)", "xarray walk", Ref(1556)),
        new("rhashtable_lookup", "hash table lookup", Ref(1562)),
    ];

    /// <summary>Printing: the caller passed the bad argument.</summary>
    public static readonly FrameSkip[] Printing =
    [
        new("string", "vsprintf's string(), string_nocheck() and any string helper", Ref(1465)),
        new("pointer", "vsprintf's pointer()", Ref(1466)),
        new("snprintf", "formatting (vsnprintf too)", Ref(1467)),
        new("scnprintf", "formatting", Ref(1468)),
        new("printk", "printk and its variants", Ref(1471)),
        new("va_format", "%pV formatting", Ref(1472)),
        new("dev_info", "device printing", Ref(1473)),
        new("dev_notice", "device printing", Ref(1474)),
        new("dev_warn", "device printing", Ref(1475)),
        new("dev_err", "device printing", Ref(1476)),
        new("dev_alert", "device printing", Ref(1477)),
        new("dev_crit", "device printing", Ref(1478)),
        new("dev_emerg", "device printing", Ref(1479)),
    ];

    /// <summary>Timers, work queues, kthreads, waits and completions: queueing and teardown report the owner's bug.</summary>
    public static readonly FrameSkip[] Deferred =
    [
        new("perf_trace", "tracepoint glue", Ref(1388)),
        new("__wake_up", "wait-queue wake-up", Ref(1420)),
        new("del_timer", "timer deletion", Ref(1482)),
        new("flush_work", "work flushing", Ref(1483)),
        new("__cancel_work_timer", "work cancellation", Ref(1484)),
        new("cancel_work_sync", "work cancellation", Ref(1485)),
        new("try_to_grab_pending", "work cancellation", Ref(1486)),
        new("flush_workqueue", "workqueue flushing", Ref(1487)),
        new("drain_workqueue", "workqueue draining", Ref(1488)),
        new("destroy_workqueue", "workqueue teardown", Ref(1489)),
        new("queue_work", "work queueing", Ref(1490)),
        new("finish_wait", "wait-queue exit", Ref(1491)),
        new("kthread_stop", "kthread teardown", Ref(1492)),
        new("^complete\\z", "completion", Ref(1517)),
        new("wait_for_completion", "completion wait", Ref(1518)),
        new("insert_work", "work queueing", Ref(1546)),
        new("__queue_delayed_work", "work queueing", Ref(1547)),
        new("queue_delayed_work_on", "work queueing", Ref(1548)),
        new("cleanup_srcu_struct", "SRCU teardown", Ref(1561)),
        new("__timer_delete_sync", "timer deletion", Ref(1568)),
        new("sk_stop_timer_sync", "socket timer deletion", Ref(1569)),
        new("__mod_timer", "timer arming", Ref(1570)),
    ];

    /// <summary>Device model, sysfs, USB and driver-core teardown: the driver being removed is the culprit.</summary>
    public static readonly FrameSkip[] DeviceModel =
    [
        new("kobject_", "kobject lifetime", Ref(1493)),
        new("add_uevent_var", "uevent building", Ref(1494)),
        new("get_device_parent", "device-model plumbing", Ref(1495)),
        new("device_add", "device registration", Ref(1496)),
        new("device_del", "device removal", Ref(1497)),
        new("device_unregister", "device removal", Ref(1498)),
        new("device_destroy", "device removal", Ref(1499)),
        new("device_release", "device release (device_release_driver too)", Ref(1500)),
        new("devres_release_all", "managed-resource release", Ref(1501)),
        new("hwrng_unregister", "hw_random core teardown", Ref(1502)),
        new("i2c_del_adapter", "i2c core teardown", Ref(1503)),
        new("__unregister_client", "i2c core teardown", Ref(1504)),
        new("device_for_each_child", "device-tree walk", Ref(1505)),
        new("rollback_registered", "netdev unregistration", Ref(1506)),
        new("unregister_netdev", "netdev unregistration", Ref(1507)),
        new("sysfs_remove", "sysfs teardown", Ref(1508)),
        new("device_remove_file", "sysfs teardown", Ref(1509)),
        new("tty_unregister_device", "tty teardown", Ref(1510)),
        new("dummy_urb_enqueue", "dummy_hcd URB queueing", Ref(1511)),
        new("usb_kill_urb", "URB cancellation", Ref(1512)),
        new("usb_kill_anchored_urbs", "URB cancellation", Ref(1513)),
        new("usb_control_msg", "synchronous USB transfer", Ref(1514)),
        new("usb_hcd_submit_urb", "URB submission", Ref(1515)),
        new("usb_submit_urb", "URB submission", Ref(1516)),
        new("^put_device\\z", "device refcount", Ref(1566)),
    ];

    /// <summary>MMIO and port accessors: the driver read or wrote the bad address.</summary>
    public static readonly FrameSkip[] Mmio =
    [
        new("readb\\z", "MMIO read", Ref(1521)),
        new("readw\\z", "MMIO read", Ref(1522)),
        new("readl\\z", "MMIO read", Ref(1523)),
        new("readq\\z", "MMIO read", Ref(1524)),
        new("writeb\\z", "MMIO write", Ref(1525)),
        new("writew\\z", "MMIO write", Ref(1526)),
        new("writel\\z", "MMIO write", Ref(1527)),
        new("writeq\\z", "MMIO write", Ref(1528)),
        new("logic_in", "logic PIO", Ref(1529)),
        new("logic_out", "logic PIO", Ref(1530)),
    ];

    /// <summary>Inodes, dentries, pages and buffers: generic VFS and page-cache code called by a filesystem.</summary>
    public static readonly FrameSkip[] FilesAndPages =
    [
        new("^iput\\z", "inode release", Ref(1535)),
        new("^iput_final\\z", "inode release", Ref(1536)),
        new("^ihold\\z", "inode reference", Ref(1537)),
        new("^(?:un)?lock_page", "page lock", Ref(1542)),
        new("find_lock_entries", "page-cache truncation walk", Ref(1557)),
        new("truncate_inode_pages_range", "page-cache truncation", Ref(1558)),
        new("drop_nlink", "inode link count", Ref(1564)),
        new("fast_dput", "dentry release", Ref(1571)),
        new("dput", "dentry release", Ref(1572)),
        new("mark_buffer_dirty", "buffer-head helper that WARNs on its caller's buffer", Ref(1573)),
    ];

    /// <summary>Checksums and arch fault entry.</summary>
    public static readonly FrameSkip[] ArchAndChecksums =
    [
        new("^crc[0-9]+", "checksum helpers", Ref(1531)),
        new("crc_itu_t", "checksum helper", Ref(1532)),
        new("do_(?:kernel|translation)_fault", "arm64 fault entry", Ref(1551)),
        new("do_mem_abort", "arm64 fault entry", Ref(1552)),
        new("el1_abort", "arm64 fault entry", Ref(1553)),
        new("el1h_64_sync(?:_handler)?", "arm64 exception vector", Ref(1554)),
    ];

    /// <summary>Every row, in group order.</summary>
    public static readonly FrameSkip[] All =
    [
        .. Sanitizers, .. Reporting, .. Allocators, .. DebugObjects, .. Locking, .. Atomics, .. StringsAndCopies,
        .. Containers, .. Printing, .. Deferred, .. DeviceModel, .. Mmio, .. FilesAndPages, .. ArchAndChecksums,
    ];

    /// <summary>The global table, built once and shared by every format.</summary>
    public static readonly NameMatcher Global = new(Array.ConvertAll(All, row => row.Pattern));

    /// <summary>The global table plus a format's extra patterns.</summary>
    public static NameMatcher Build(string[] extra) => extra.Length == 0 ? Global : new NameMatcher(extra, Global);
}
