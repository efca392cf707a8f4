namespace PanicLens.Signatures;

/// <summary>
/// Dispatch points for stalls, lockups and stack overflows: walking from the innermost frame out, the frame
/// just inside the first anchor is the one that ran too long (the work item, the syscall, the ioctl handler).
/// </summary>
public static class StallAnchors
{
    public static readonly FrameSkip[] All =
    [
        new(@"^process_one_work\z|^worker_thread\z|^kthread\z|^ret_from_fork", "workqueue and kthread entry"),
        new(@"^do_syscall_|^__do_fast_syscall_32|^do_fast_syscall_32|^do_int80_syscall_32|^entry_SYSCALL|^system_call_fastpath|^sysenter_dispatch|^ia32_sysret", "x86 syscall entry"),
        new(@"^invoke_syscall|^__invoke_syscall|^el0_svc|^do_el0_svc|^el0_svc_common|^el0_svc_handler", "arm64 syscall entry"),
        new(@"^do_softirq|^invoke_softirq|^irq_exit|^__irq_exit_rcu|^run_ksoftirqd|^call_timer_fn|^expire_timers|^__run_timers|^run_timer_softirq|^tasklet_action|^tasklet_hi_action|^__hrtimer_run_queues", "softirq, timer and tasklet dispatch"),
        new(@"^vfs_read\z|^vfs_write\z|^vfs_readv|^vfs_writev|^vfs_iter_read|^vfs_iter_write|^do_iter_read|^do_iter_write|^__vfs_read\z|^__vfs_write\z|^new_sync_read\z|^new_sync_write\z|^vfs_ioctl\z|^do_vfs_ioctl\z|^(?:__x64_|__ia32_|__arm64_|__se_|__do_)?(?:compat_)?(?:sys|SyS|ksys)_ioctl\z|^__do_fault\z|compat_ioctl\z|^vfs_open\z|^do_dentry_open|^do_mmap\z|^vfs_fallocate|^vfs_fsync", "VFS dispatch into a file's operations"),
        new(@"^sock_sendmsg|^__sock_sendmsg|^sock_recvmsg|^sock_write_iter|^sock_read_iter|^sock_common_setsockopt|^sock_common_getsockopt|^__sys_setsockopt|^__sys_getsockopt|^sock_do_ioctl|^sock_ioctl|^__sys_connect|^__sys_bind|^__sys_listen|^__sys_accept|^__sock_release|^rtnetlink_rcv_msg|^nfnetlink_rcv_msg|^netlink_dump|^__netlink_dump_start|^__netif_receive_skb|^netif_receive_skb", "socket and packet dispatch into a protocol"),
        new(@"^do_user_addr_fault|^__do_page_fault|^do_page_fault|^exc_page_fault", "page-fault entry"),
        new(@"^__fput|^____fput|^task_work_run|^smp_call_function", "deferred file release, cross-CPU calls"),
    ];

    public static readonly NameMatcher Matcher = new(Array.ConvertAll(All, s => s.Pattern));
}
