namespace PanicLens.Signatures;

/// <summary>
/// Dispatch points for stalls, lockups and stack overflows. A stalled CPU loops across several functions and the
/// watchdog catches it at a random one, so the title is not the top frame: walking from the innermost frame out, the
/// frame just inside the first anchor (the work item, the syscall, the file or socket operation) names the stall; at
/// `smp_call_function` the anchor itself does. Frames are tested with syscall prefixes stripped (`__x64_sys_connect`
/// is `connect`). Unanchored substrings unless `^`/`\z`, as in the reference: google/syzkaller pkg/report/linux.go at
/// 1e72964b0111, `linuxStallAnchorFrames`, l.1208–1289. The two rows of ours are outermost entry points of old
/// kernels: the scan meets them only when no reference anchor lies inside, where the reference titles `corrupted`.
/// </summary>
public static class StallAnchors
{
    private static string Ref(int line) => $"linux.go:{line} linuxStallAnchorFrames";

    public static readonly FrameSkip[] All =
    [
        new("process_one_work", "workqueue callback", Ref(1212)),
        new("do_syscall_", "syscall entry", Ref(1213)),
        new("do_fast_syscall_", "32-bit syscall entry", Ref(1214)),
        new("sysenter_dispatch", "syscall entry", Ref(1215)),
        new("tracesys_phase2", "traced syscall entry", Ref(1216)),
        new("el0_svc_handler", "arm64 syscall entry", Ref(1217)),
        new("invoke_syscall", "arm64 syscall entry", Ref(1218)),
        new("ret_fast_syscall", "arm syscall entry", Ref(1219)),
        new("netif_receive_skb", "network receive entry", Ref(1220)),
        new("do_softirq", "softirq dispatch", Ref(1221)),
        new("call_timer_fn", "timer callback", Ref(1222)),
        new("_run_timers", "timer dispatch", Ref(1223)),
        new("run_timer_softirq", "timer dispatch", Ref(1224)),
        new("hrtimer_run", "hrtimer dispatch", Ref(1225)),
        new("run_ksoftirqd", "softirq thread", Ref(1226)),
        new("smpboot_thread_fn", "per-CPU thread", Ref(1227)),
        new("^kthread\\z", "kthread entry", Ref(1228)),
        new("start_secondary", "idle loop of a secondary CPU", Ref(1229)),
        new("cpu_startup_entry", "idle loop", Ref(1230)),
        new("ret_from_fork", "new task entry", Ref(1231)),
        new("vfs_write", "file operation dispatch", Ref(1233)),
        new("vfs_read", "file operation dispatch", Ref(1234)),
        new("vfs_iter_read", "file operation dispatch", Ref(1235)),
        new("vfs_iter_write", "file operation dispatch", Ref(1236)),
        new("do_iter_read", "file operation dispatch", Ref(1237)),
        new("do_iter_write", "file operation dispatch", Ref(1238)),
        new("call_read_iter", "file operation dispatch", Ref(1239)),
        new("call_write_iter", "file operation dispatch", Ref(1240)),
        new("new_sync_read", "file operation dispatch", Ref(1241)),
        new("new_sync_write", "file operation dispatch", Ref(1242)),
        new("vfs_ioctl", "ioctl dispatch (do_vfs_ioctl too)", Ref(1243)),
        new("ksys_ioctl", "ioctl dispatch where vfs_ioctl is inlined", Ref(1244)),
        new("compat_ioctl", "compat ioctl dispatch", Ref(1245)),
        new("compat_sys_ioctl", "compat ioctl dispatch", Ref(1246)),
        new("blkdev_driver_ioctl", "block ioctl dispatch", Ref(1247)),
        new("blkdev_ioctl", "block ioctl dispatch", Ref(1248)),
        new("^call_read_iter", "file operation dispatch", Ref(1249)),
        new("^call_write_iter", "file operation dispatch", Ref(1250)),
        new("do_iter_readv_writev", "file operation dispatch", Ref(1251)),
        new("^call_mmap", "mmap dispatch", Ref(1252)),
        new("mmap_region", "mmap dispatch", Ref(1253)),
        new("do_mmap", "mmap dispatch", Ref(1254)),
        new("do_dentry_open", "open dispatch", Ref(1255)),
        new("vfs_open", "open dispatch", Ref(1256)),
        new("^sock_sendmsg", "socket dispatch", Ref(1258)),
        new("^sock_recvmsg", "socket dispatch", Ref(1259)),
        new("^sock_release", "socket dispatch", Ref(1260)),
        new("^__sock_release", "socket dispatch", Ref(1261)),
        new("^setsockopt\\z", "socket dispatch", Ref(1262)),
        new("kernel_setsockopt", "socket dispatch", Ref(1263)),
        new("sock_common_setsockopt", "socket dispatch", Ref(1264)),
        new("^listen\\z", "socket dispatch", Ref(1265)),
        new("kernel_listen", "socket dispatch", Ref(1266)),
        new("sk_common_release", "socket dispatch", Ref(1267)),
        new("^sock_mmap", "socket dispatch", Ref(1268)),
        new("^accept\\z", "socket dispatch", Ref(1269)),
        new("kernel_accept", "socket dispatch", Ref(1270)),
        new("^sock_do_ioctl", "socket dispatch", Ref(1271)),
        new("^sock_ioctl", "socket dispatch", Ref(1272)),
        new("^compat_sock_ioctl", "socket dispatch", Ref(1273)),
        new("^nfnetlink_rcv_msg", "netlink dispatch", Ref(1274)),
        new("^rtnetlink_rcv_msg", "netlink dispatch", Ref(1275)),
        new("^netlink_dump", "netlink dispatch", Ref(1276)),
        new("^(?:sys_)?(?:socketpair|connect|ioctl)", "syscalls whose callee names the protocol or device", Ref(1277)),
        new("__do_fault", "page fault into a file's fault handler", Ref(1279)),
        new("do_page_fault", "page fault entry", Ref(1280)),
        new("^page_fault\\z", "pre-5.8 x86 page fault entry", Ref(1281)),
        new("__fput", "deferred file release", Ref(1283)),
        new("task_work_run", "deferred work on return to user", Ref(1284)),
        new("exit_to_usermode", "return to user", Ref(1285)),
        new("smp_call_function", "cross-CPU call: the anchor itself names the stall", Ref(1286)),
        new("tasklet_action", "tasklet dispatch", Ref(1287)),
        new("tasklet_hi_action", "tasklet dispatch", Ref(1288)),
        new("entry_SYSCALL_64_fastpath|^system_call_fastpath\\z", "pre-4.6 x86 fast path calls sys_* directly, with no do_syscall_64 to anchor on", FrameSkip.Ours + "arch/x86/entry/entry_64.S (4.5)"),
        new("^el0_svc_naked\\z", "pre-4.19 arm64 calls sys_* directly from the vector, with no invoke_syscall to anchor on", FrameSkip.Ours + "arch/arm64/kernel/entry.S (4.18)"),
    ];

    public static readonly NameMatcher Matcher = new(Array.ConvertAll(All, s => s.Pattern));
}
