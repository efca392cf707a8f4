using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>Titles for `BUG:` headers (sanitizers, page faults, lockdep, mm checks, watchdogs), in match order.</summary>
public static class BugFormats
{
    private const string BadAccess = "bad-access in {frame}";
    private static readonly string[] KasanSkip = ["kernel_fault", "tag_check", "mem_abort", "^el1_", "^el1h_"];
    private static readonly string[] KmsanSkip = ["alloc_skb", "netlink_ack", "netlink_rcv_skb", @"_encrypt\z", "^(?:crypto|cipher|drbg|rng)_"];
    private const string UninitStackEnd = @"Local variable .* created at:|Uninit was created at:";

    /// <summary>
    /// Two stacks: where the uninit value was used (title), then its origin (`{frame2}`), as the upstream KMSAN
    /// (5.19 on) prints them: frames right under the header. The out-of-tree KMSAN that syzbot ran before it printed
    /// `CPU:`, `Call Trace:` and then the frames, and its origin as `Variable was created at:`; the convention's table
    /// of that time (syzkaller linux.go before 0a2584dd6, 2022-01) read the frames after `Call Trace:`.
    /// </summary>
    private static StackSpec Kmsan(params string[] skip) =>
        new([StackPart.Trace, StackPart.Find(UninitStackEnd), StackPart.Trace])
        {
            AltParts = [StackPart.CallTrace, StackPart.Trace],
            Skip = skip,
        };

    public static readonly TitleFormat[] All =
    [
        new(@"BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free) in " + Func, "KASAN: invalid-free in {frame}")
        {
            Alts = ["invalid-free in {frame}"],
            // linux.go:1643: the freeing path, not the KASAN_HW_TAGS fault path, is what this format skips.
            Stack = StackSpec.Header(@"BUG: KASAN: [a-z\- ]+ in " + Func, "slab_", "kfree", "vunmap", "vfree"),
            Why = "mm/kasan/report.c: freeing memory that is not a live object",
        },
        new(@"BUG: KASAN: (?<kind>[a-z\-]+) in " + Func, "KASAN: {kind} {rw} in {frame}")
        {
            Report = @"BUG: KASAN: [a-z\-]+ in [A-Za-z0-9_.]+[.+](?:.*\n)+?.*(?<rw>Read|Write) (?:of size|at addr)",
            Alts = [BadAccess],
            Stack = StackSpec.Header(@"BUG: KASAN: [a-z\-]+ in " + Func, KasanSkip),
            Why = "KASAN access report: kind, access direction, the function named in the header",
        },
        new(@"BUG: KASAN: (?<kind>[a-z\-]+) on address", "KASAN: {kind} {rw}")
        {
            Report = @"BUG: KASAN: [a-z\-]+ on address(?:.*\n)+?.*(?<rw>Read|Write) of size",
            Why = "4.x KASAN without a function in the header",
        },
        new(@"BUG: KASAN: (?<rest>.*)", "KASAN: {rest}") { Corrupted = true, Why = "unrecognised KASAN header" },
        new(@"BUG: KMSAN: kernel-usb-infoleak in " + Func, "KMSAN: kernel-usb-infoleak in {frame}")
        {
            Alts = ["KMSAN origin in {frame2}"],
            // linux.go:1668: only the skb allocation and the USB transfer helpers; the netlink/crypto rows are the other format's.
            Stack = Kmsan("alloc_skb", "usb_submit_urb", "usb_start_wait_urb", "usb_bulk_msg", "usb_interrupt_msg", "usb_control_msg"),
            NoStack = true,
            Why = "KMSAN: uninitialised bytes sent to a USB device",
        },
        new(@"BUG: KMSAN: (?<kind>[a-z\-]+) in " + Func, "KMSAN: {kind} in {frame}")
        {
            // linux.go:1673: this format has no origin alt (its second stack is read but unused).
            Alts = [BadAccess],
            Stack = Kmsan(KmsanSkip),
            NoStack = true,
            Why = "KMSAN: use of uninitialised memory, with its origin as second stack",
        },
        new(@"BUG: KCSAN: (?<rest>data-race.*)", "KCSAN: {rest}") { NoStack = true, Why = "KCSAN names both racing functions in the header" },
        new(@"BUG: KCSAN: (?<rest>.*)", "KCSAN: {rest}") { NoStack = true, Why = "other KCSAN reports (assert: race)" },
        new(@"BUG: KFENCE: (?<kind>use-after-free|out-of-bounds) (?<rw>read|write) in " + Func, "KFENCE: {kind} {rw} in {frame}")
        {
            Alts = [BadAccess],
            Stack = new([StackPart.Find(@"BUG: KFENCE: .* in " + Func), StackPart.Trace]),
            Why = "KFENCE prints the stack directly under the header",
        },
        new(@"BUG: KFENCE: invalid free in " + Func, "KFENCE: invalid free in {frame}")
        {
            Alts = ["invalid-free in {frame}"],
            Stack = new([StackPart.Find(@"BUG: KFENCE: .* in " + Func), StackPart.Trace]),
            NoStack = true,
        },
        new(@"BUG: KFENCE: invalid (?<rw>read|write) in " + Func, "KFENCE: invalid {rw} in {frame}")
        {
            Alts = [BadAccess],
            Stack = new([StackPart.Find(@"BUG: KFENCE: .* in " + Func), StackPart.Trace]),
        },
        new(@"BUG: KFENCE: memory corruption in " + Func, "KFENCE: memory corruption in {frame}")
        {
            Stack = new([StackPart.Find(@"BUG: KFENCE: .* in " + Func), StackPart.Trace]),
            NoStack = true,
        },
        new(@"BUG: unable to handle kernel paging request|BUG: unable to handle page fault for address|BUG: Unable to handle kernel data access", "BUG: unable to handle kernel paging request in {frame}")
        {
            Alts = [BadAccess], Stack = StackSpec.Rip(), Why = "x86 page fault in kernel mode (arch/x86/mm/fault.c), every era's spelling",
        },
        new(@"BUG: unable to handle kernel NULL pointer dereference|BUG: kernel NULL pointer dereference|BUG: Unable to handle kernel NULL pointer dereference", "BUG: unable to handle kernel NULL pointer dereference in {frame}")
        {
            Alts = [BadAccess], Stack = StackSpec.Rip(), Why = "fault below the first page",
        },
        new(@"BUG: Kernel NULL pointer dereference on (?:read|write|execute)", "BUG: unable to handle kernel NULL pointer dereference in {frame}")
        {
            Alts = [BadAccess], Stack = StackSpec.IpOrTrace(FramePatterns.RipLine),
            Why = "powerpc since 5.2 (arch/powerpc/mm/fault.c bad_kernel_fault); the convention has no format for it: NIP, else the trace",
        },
        new(@"BUG: unable to handle kernel", "BUG: unable to handle kernel") { Corrupted = true, Why = "the fault line was cut before its kind" },
        new(@"BUG: (?<lock>spinlock|rwlock) (?<what>lockup suspected|already unlocked|recursion|cpu recursion|bad magic|wrong owner|wrong CPU|trylock failure on UP)", "BUG: {lock} {what} in {frame}")
        {
            Stack = StackSpec.CallTrace("spin_", "_lock", "_unlock"), Why = "kernel/locking/spinlock_debug.c",
        },
        new(@"BUG: soft lockup", "BUG: soft lockup in {frame}")
        {
            Alts = ["stall in {frame}"],
            Stack = StackSpec.Rip() with { Extractor = StackExtractor.Stall },
            Why = "kernel/watchdog.c: a CPU did not schedule for 20+ seconds",
        },
        new(@"BUG: .*still has locks held!", "BUG: still has locks held in {f}")
        {
            Report = @"still has locks held!(?:.*\n)+?.*(?:" + Pc + "|at:) (?<f>[A-Za-z0-9_]+)",
            Why = "lockdep: a task exited holding a lock",
        },
        new(@"BUG: scheduling while atomic", "BUG: scheduling while atomic in {frame}") { Stack = StackSpec.CallTrace("schedule"), Why = "kernel/sched/core.c __schedule_bug" },
        new(@"BUG: lock held when returning to user space", "BUG: lock held when returning to user space in {f}")
        {
            Report = @"leaving the kernel with locks still held(?:.*\n)+?.*at: (?:" + Pc + " )?(?<f>[A-Za-z0-9_]+)",
            NoStack = true,
        },
        new(@"BUG: bad unlock balance detected!", "BUG: bad unlock balance in {frame}")
        {
            Stack = new([StackPart.Find(Pc + " " + Func + "|at: " + Func), StackPart.CallTrace, StackPart.Trace]),
            Why = "lockdep: releasing a lock that is not held",
        },
        new(@"BUG: held lock freed!", "BUG: held lock freed in {f}")
        {
            Report = @"held lock freed!(?:.*\n)+?.*(?:" + Pc + "|at:) (?<f>[A-Za-z0-9_]+)",
        },
        new(@"BUG: Bad rss-counter state", "BUG: Bad rss-counter state") { NoStack = true },
        new(@"BUG: non-zero nr_ptes on freeing mm", "BUG: non-zero nr_ptes on freeing mm") { NoStack = true },
        new(@"BUG: non-zero nr_pmds on freeing mm", "BUG: non-zero nr_pmds on freeing mm") { NoStack = true },
        new(@"BUG: workqueue lockup", "BUG: workqueue lockup") { NoStack = true },
        new(@"BUG: Dentry .* still in use \([0-9]+\) \[(?<um>unmount of [^\]]+)\]", "BUG: Dentry still in use in unmount")
        {
            Alts = ["BUG: Dentry still in use [{um}]"], Why = "fs/dcache.c umount_check",
        },
        new(@"BUG: Bad page (?<what>state|cache)", "BUG: Bad page {what} in {frame}")
        {
            Stack = new([StackPart.Find("page last allocated"), StackPart.Trace])
            {
                // linux.go:1861.
                Skip = ["(?:free|put|get|update|release)_page", "free_unref", "^_*folio", "truncate_inode_pages", "page_frag_free", "alloc", "vmap", "page_owner"],
            },
            Why = "mm/page_alloc.c bad_page: named after the allocation that last owned the page",
        },
        new(@"BUG: Bad page map", "BUG: Bad page map"),
        new(@"BUG: sleeping function called from invalid context at ", "BUG: sleeping function called from invalid context in {frame}")
        {
            Stack = StackSpec.CallTrace(), Why = "__might_sleep: the caller slept in atomic context",
        },
        new(@"BUG: using (?<fn>[A-Za-z0-9_]+)\(\) in preemptible", "BUG: using {fn}() in preemptible code in {frame}")
        {
            Stack = StackSpec.CallTrace("dump_stack", "preemption", "preempt", "debug_", "processor_id", "this_cpu"),
        },
        new(@"BUG: workqueue leaked lock or atomic", "BUG: workqueue leaked lock or atomic in {f}")
        {
            Report = @"last function: (?<f>[A-Za-z0-9_]+)", NoStack = true,
        },
        new(@"BUG: memory leak", "memory leak in {frame}")
        {
            Stack = new([StackPart.Find(@"backtrace(?: \(crc [0-9a-f]+\))?:"), StackPart.Trace])
            {
                Skip = ["kmemleak", "mmap", "kmem", "slab", "alloc", "create_object", "idr_get", "list_lru_init", "kasprintf", "kvasprintf", "pcpu_create", "strdup", "strndup", "memdup"],
            },
            Why = "kmemleak: named after the code that allocated the leaked object",
        },
        new(@"BUG: .*stack guard page was hit at", "BUG: stack guard page was hit in {frame}")
        {
            Alts = ["stack-overflow in {frame}"],
            Stack = StackSpec.Rip() with { Extractor = StackExtractor.Stall },
        },
        new(@"BUG: Invalid wait context", "WARNING: locking bug in {frame}") { Stack = StackSpec.CallTrace("lock_sock", "release_sock") },
        new(@"BUG:[ \t]*\z", "BUG: corrupted") { Corrupted = true, Why = "the header line was cut" },
    ];
}
