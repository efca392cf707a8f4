using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// Frames skipped when choosing the guilty frame: generic infrastructure that detects, reports, allocates,
/// locks, copies or prints, so the title names the caller that misused it. Formats add their own rows.
/// </summary>
public static class FrameSkips
{
    public static readonly FrameSkip[] All =
    [
        new(@"kasan|kmsan|kcsan|__asan|__msan|__tsan|__hwasan|__sanitizer|__ubsan|ubsan_|check_memory_region", "sanitizer runtime and its report code"),
        new(@"print_address_description|print_report|describe_object|print_trailer|print_tainted|^print_|^stack_trace_save|^stack_trace_consume|^arch_stack_walk|^save_stack|walk_stackframe", "report printing and stack walking"),
        new(@"^register_lock_class|^look_up_lock_class|^mark_lock|^__lock_|lock_class|^check_prev_add|^check_noncircular|^validate_chain|held_lock|^hlock_class|^mark_usage|^valid_state|trace_hardirqs|^__seqprop|seqcount_|^__local_bh|local_bh_enable", "lockdep and irq-state tracing internals"),
        new(@"report_bug|handle_bug|fixup_bug|bug_handler|do_trap|do_error_trap|do_error|_trap\z|invalid_op|exc_invalid_op|do_invalid_op", "BUG()/WARN() trap plumbing"),
        new(@"panic|__warn|warn_slowpath|warn_alloc|dump_stack|show_stack|show_regs|dump_backtrace|^die\z|__die|oops_|^warn_|assertfail", "panic, warning, assertion and oops printing"),
        new(@"general_protection|exc_general_protection|^asm_exc_|^page_fault|do_page_fault|exc_page_fault|handle_page_fault|do_user_addr_fault|do_kern_addr_fault|^no_context|kernelmode_fixup_or_oops|page_fault_oops", "x86 trap entry and fault handling"),
        new(@"^el1_|^el1h_|do_mem_abort|__do_kernel_fault|die_kernel_fault|do_translation_fault|do_bad_area|do_DataAbort|do_alignment|call_break_hook|brk_handler|do_debug_exception|^mem_abort|kernel_fault|tag_check", "arm/arm64 fault entry"),
        new(@"k?v?[mzc]alloc|krealloc|kmem_cache|slab_|^alloc_page|__alloc_pages|alloc_pages|folio_alloc|__get_free_page|kstrdup|kmemdup|memdup_user|_noprof\z|alloc_frozen_pages", "allocators"),
        new(@"^kv?free\z|^kfree_|^__kfree|kvfree|^_*cache_free|^free_pages|^__free_pages|^vfree\z", "freeing"),
        new(@"lockdep|lock_acquire|lock_release|^raw_spin_|_raw_spin|_raw_read|_raw_write|spin_lock|spin_unlock|spin_trylock|do_raw_", "lock acquisition and lockdep"),
        new(@"read_lock|read_unlock|write_lock|write_unlock|down_read|down_write|^down\z|^down_|^up_read|^up_write|^up\z|^mutex_|^__mutex_|^rt_mutex_|^__rt_mutex|osq_lock|queued_spin|queued_read|queued_write|^rwsem|percpu_down|percpu_up", "locks"),
        new(@"^_?atomic_|atomic_dec_and_|^arch_atomic|^atomic64_|^__atomic|^refcount_|^__refcount_|^kref_|^set_bit\z|^clear_bit\z|^test_and_set_bit|^test_and_clear_bit|^__set_bit|^__clear_bit", "atomics, bit ops, reference counts"),
        new(@"memcpy|memset|memmove|memcmp|memchr|^strcmp|^strncmp|^strlen|^strnlen|^strscpy|^strncpy|^strcpy|^strlcpy|^strcat|^strchr|^strstr|^__str|^sized_strscpy|^str[a-z]+\z|^string|_string\z", "memory and string helpers"),
        new(@"copy_to_user|copy_from_user|copy_user|raw_copy_|copyin|copyout|copy_to_iter|copy_from_iter|copy_page_to_iter|copy_page_from_iter|^copy_page|strncpy_from_user|strnlen_user|^clear_user|^__clear_user|get_user|put_user|check_object_size|__check_heap_object|check_heap_object", "user copies and their checks"),
        new(@"^__list_add|^list_add|^__list_del|^list_del|^hlist_|^rb_|^__rb_|^rb_erase|^rb_insert", "list and rbtree helpers"),
        new(@"printk|^vsnprintf|snprintf|^sprintf|^vsprintf|^scnprintf|^vscnprintf|^string\z|^pointer\z|^format_decode|^va_format|^dev_printk|^_dev_|^__dev_printk|^dev_vprintk|^netdev_printk|^__netdev_printk|^_printk", "printing"),
        new(@"^flush_work|^__flush_work|^queue_work|^__queue_work|^queue_delayed_work|^del_timer|^__del_timer|^timer_delete|^__mod_timer|^mod_timer|^try_to_grab_pending|^insert_work|^__queue_delayed_work|^queue_delayed_work|^mod_delayed_work|^cancel_work|^__cancel_work|^drain_workqueue|^flush_workqueue|^__flush_workqueue|^destroy_workqueue|^kthread_stop", "work, timer and kthread queueing and teardown"),
        new(@"^__wake_up|^wake_up\z|^wake_up_(?:all|interruptible|process|bit|var)|^wait_for_completion|^complete\z|^complete_all|^__complete", "wakeups and completions"),
        new(@"kobject_|^(?:__)?device_(?:add|del|register|unregister|remove|release)\z|device_release_driver|^bus_(?:add|remove)_device|^get_device_parent|^put_device\z|^get_device\z|^devres_release|^dpm_sysfs_remove|^add_uevent_var|^sysfs_|^kernfs_|^usb_kill_|^usb_submit_urb", "device-model plumbing"),
        new(@"^unregister_netdev|^rollback_registered|^ida_|^idr_|^ref_tracker|^xas_|^xa_|^unlock_page|^folio_unlock|^__folio_unlock|^__phys_addr|^__read_once", "id, xarray, netdev-teardown and page-lock helpers"),
        new(@"^(?:__raw_)?(?:read|write)[bwlq]\z|^ioread|^iowrite|^logic_(?:in|out)", "MMIO and port accessors"),
        new(@"dput|iput|^kfree_skb|^__kfree_skb|^crc32|^crc16|^__crc", "reference drops and checksums"),
        new(@"might_fault|might_sleep|might_resched|__might_|^___might|check_preemption_disabled|__this_cpu_preempt_check|^preempt_count_", "debug checks that report misuse by their caller"),
        new(@"__x86_indirect_thunk|__x86_return_thunk|^__sanitizer_cov", "compiler-inserted thunks and coverage hooks"),
    ];

    private static readonly ShortTextRegex[] GlobalRows = Array.ConvertAll(All, s => new ShortTextRegex(s.Pattern));

    /// <summary>The global table (built once, shared) plus a format's extra patterns.</summary>
    public static NameMatcher Build(string[] extra) => new([.. GlobalRows, .. Array.ConvertAll(extra, pattern => new ShortTextRegex(pattern))]);
}
