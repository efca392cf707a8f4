using System.Text.RegularExpressions;

namespace PanicLens.Signatures;

/// <summary>
/// Frames skipped when choosing the guilty frame: generic infrastructure that detects, reports, allocates,
/// locks, copies or prints, so the title names the caller that misused it. Formats add their own rows.
/// </summary>
public static class FrameSkips
{
    public static readonly FrameSkip[] All =
    [
        new(@"kasan|kmsan|kcsan|__asan|__msan|__tsan|__sanitizer|__ubsan|ubsan_", "sanitizer runtime and its report code"),
        new(@"print_address_description|print_report|describe_object|print_trailer|print_tainted", "report printing"),
        new(@"report_bug|handle_bug|fixup_bug|bug_handler|do_trap|do_error_trap|do_error|_trap\z|invalid_op|exc_invalid_op|do_invalid_op", "BUG()/WARN() trap plumbing"),
        new(@"panic|__warn|warn_slowpath|warn_alloc|dump_stack|show_stack|show_regs|dump_backtrace|^die\z|__die|oops_", "panic, warning and oops printing"),
        new(@"general_protection|exc_general_protection|^asm_exc_|^page_fault|do_page_fault|exc_page_fault|handle_page_fault|do_user_addr_fault|do_kern_addr_fault|bad_area|^no_context|kernelmode_fixup_or_oops|page_fault_oops", "x86 trap entry and fault handling"),
        new(@"^el1_|^el1h_|do_mem_abort|__do_kernel_fault|die_kernel_fault|do_translation_fault|do_bad_area|do_DataAbort|__dabt_svc|do_alignment|call_break_hook|brk_handler|do_debug_exception|^mem_abort|kernel_fault|tag_check", "arm/arm64 fault entry"),
        new(@"k?v?[mzc]alloc|krealloc|kmem_cache|slab_|^alloc_page|__alloc_pages|alloc_pages|folio_alloc|__get_free_page|kstrdup|kmemdup|memdup_user", "allocators"),
        new(@"^kv?free\z|^kfree_|^__kfree|kvfree|cache_free|^free_pages|^__free_pages|^vfree\z", "freeing"),
        new(@"lockdep|lock_acquire|lock_release|lock_is_held|_raw_spin|_raw_read|_raw_write|spin_lock|spin_unlock|spin_trylock|do_raw_", "lock acquisition and lockdep"),
        new(@"read_lock|read_unlock|write_lock|write_unlock|down_read|down_write|^down\z|^down_|^up_read|^up_write|^up\z|^mutex_|^__mutex_|^rt_mutex_|^__rt_mutex|osq_lock|queued_spin|queued_read|queued_write|^rwsem|percpu_down|percpu_up", "locks"),
        new(@"^atomic_|^arch_atomic|^atomic64_|^__atomic|^refcount_|^__refcount_|^kref_|^set_bit\z|^clear_bit\z|^test_and_set_bit|^test_and_clear_bit|^__set_bit|^__clear_bit", "atomics, bit ops, reference counts"),
        new(@"memcpy|memset|memmove|memcmp|memchr|^strcmp|^strncmp|^strlen|^strnlen|^strscpy|^strncpy|^strcpy|^strlcpy|^strcat|^strchr|^strstr|^__str|^sized_strscpy", "memory and string helpers"),
        new(@"copy_to_user|copy_from_user|copy_user|raw_copy_|copyin|copyout|copy_to_iter|copy_from_iter|copy_page_to_iter|copy_page_from_iter|^copy_page|strncpy_from_user|strnlen_user|^clear_user|^__clear_user|get_user|put_user|check_object_size|__check_heap_object|check_heap_object", "user copies and their checks"),
        new(@"^__list_add|^list_add|^__list_del|^list_del|^hlist_|^rb_|^__rb_|^rb_erase|^rb_insert", "list and rbtree helpers"),
        new(@"printk|^vsnprintf|snprintf|^sprintf|^vsprintf|^scnprintf|^vscnprintf|^string\z|^pointer\z|^format_decode|^dev_printk|^_dev_|^__dev_printk|^dev_vprintk|^netdev_printk|^__netdev_printk|^_printk", "printing"),
        new(@"^flush_work|^__flush_work|^queue_work|^__queue_work|^queue_delayed_work|^del_timer|^__del_timer|^timer_delete|^__mod_timer|^mod_timer|^try_to_grab_pending|^cancel_work|^__cancel_work", "work and timer queueing and teardown"),
        new(@"^kobject_|^device_del|^device_unregister|^sysfs_remove|^sysfs_create|^usb_kill_urb|^usb_submit_urb", "device-model plumbing"),
        new(@"^(?:__raw_)?(?:read|write)[bwlq]\z|^ioread|^iowrite", "MMIO accessors"),
        new(@"^dput\z|^__dput|^iput\z|^kfree_skb|^__kfree_skb|^consume_skb|^crc32|^crc16|^__crc", "reference drops and checksums"),
        new(@"might_fault|might_sleep|might_resched|__might_|^___might|check_preemption_disabled|__this_cpu_preempt_check|^preempt_count_", "debug checks that report misuse by their caller"),
        new(@"__x86_indirect_thunk|__x86_return_thunk|^__sanitizer_cov|write_comp_data", "compiler-inserted thunks and coverage hooks"),
    ];

    private static readonly string GlobalPattern = string.Join("|", Array.ConvertAll(All, s => "(?:" + s.Pattern + ")"));

    /// <summary>The global table plus a format's extra patterns, as one unanchored pattern.</summary>
    public static Regex Build(string[] extra)
    {
        var pattern = extra.Length == 0 ? GlobalPattern : GlobalPattern + "|" + string.Join("|", Array.ConvertAll(extra, p => "(?:" + p + ")"));
        return FramePatterns.Compile(pattern);
    }
}
