using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>
/// Titles for `WARNING:` headers. The function printed on the WARNING line itself is never used: it names
/// the WARN() site, and the title wants the frame from the RIP line or the trace (§7 of the convention).
/// </summary>
public static class WarningFormats
{
    private const string AtFunc = "at: (?:" + Pc + " )?" + Func;

    public static readonly TitleFormat[] All =
    [
        new(@"WARNING: .*lib/debugobjects\.c.* (?:debug_print|debug_check|at)", "WARNING: ODEBUG bug in {frame}")
        {
            // linux.go:1957: every user of debugobjects too (timers, work, rcu, percpu, kobjects).
            Stack = StackSpec.Warning("debug_", "rcu", "hrtimer_", "timer_", "work_", "percpu_", "vunmap", "vfree", "__free_", "debug_check", "kobject_"),
            Why = "debugobjects: an object freed or reinitialised while active",
        },
        new(@"WARNING: .*mm/usercopy\.c.* (?:usercopy_warn|at)", "WARNING: bad usercopy in {frame}") { Stack = StackSpec.Warning("usercopy", "__check") },
        new(@"WARNING: .*lib/kobject\.c.* (?:kobject_|at)", "WARNING: kobject bug in {frame}") { Stack = StackSpec.Warning("kobject_") },
        new(@"WARNING: .*fs/proc/generic\.c.* (?:proc_register|at)", "WARNING: proc registration bug in {frame}") { Stack = StackSpec.Warning("proc_") },
        new(@"WARNING: .*lib/refcount\.c.* (?:refcount_|at)", "WARNING: refcount bug in {frame}") { Stack = StackSpec.Warning("refcount", "kobject_") },
        new(@"WARNING: .*kernel/locking/lockdep\.c.*lock_", "WARNING: locking bug in {frame}") { Stack = StackSpec.Warning("lock_sock", "release_sock") },
        new(@"WARNING: .*still has locks held!", "WARNING: still has locks held in {f}")
        {
            Report = @"still has locks held!(?:.*\n)+?.*(?:" + Pc + "|at:) (?<f>[A-Za-z0-9_]+)",
        },
        new(@"WARNING: lock held when returning to user space", "WARNING: lock held when returning to user space in {f}")
        {
            Report = @"leaving the kernel with locks still held(?:.*\n)+?.*at: (?:" + Pc + " )?(?<f>[A-Za-z0-9_]+)",
            NoStack = true,
        },
        new(@"WARNING: held lock freed!", "WARNING: held lock freed in {f}")
        {
            Report = @"held lock freed!(?:.*\n)+?.*(?:" + Pc + "|at:) (?<f>[A-Za-z0-9_]+)",
        },
        new(@"WARNING: Nested lock was not taken", "WARNING: nested lock was not taken in {frame}") { Stack = StackSpec.Warning() },
        new(@"WARNING: .*mm/vmalloc\.c.*__vmalloc_node", "WARNING: zero-size vmalloc in {frame}") { Stack = StackSpec.Warning() },
        new(@"WARNING: .*mm/.*\.c.* k?.?malloc", "WARNING: kmalloc bug in {frame}") { Stack = StackSpec.Warning("kmalloc", "krealloc", "slab", "kmem") },
        new(@"WARNING: .* usb_submit_urb", "WARNING in {frame}/usb_submit_urb")
        {
            Stack = StackSpec.Warning("usb_submit_urb", "usb_start_wait_urb", "usb_bulk_msg", "usb_interrupt_msg", "usb_control_msg"),
        },
        new(@"WARNING: possible circular locking dependency detected", "possible deadlock in {frame}")
        {
            Report = @"WARNING: possible circular locking dependency detected(?:.*\n)+?.*is trying to acquire lock",
            Stack = new([StackPart.Find(AtFunc), StackPart.Find(AtFunc), StackPart.Trace])
            {
                Skip = ["^process_one_work", "^flush_workqueue", "^__flush_workqueue", "^drain_workqueue", "^destroy_workqueue"],
            },
            Why = "lockdep: named after the lock acquisitions it prints first",
        },
        new(@"WARNING: possible irq lock inversion dependency detected", "possible deadlock in {f}")
        {
            Report = @"just changed the state of lock(?:.*\n)+?.*at: (?:" + Pc + " )?(?<f>[A-Za-z0-9_]+)",
        },
        new(@"WARNING: possible recursive locking detected", "possible deadlock in {f}")
        {
            Report = @"is trying to acquire lock(?:.*\n)+?.*at: (?:" + Pc + " )?(?<f>[A-Za-z0-9_]+)",
        },
        new(@"WARNING: [A-Z]+-safe -> [A-Z]+-unsafe lock order detected", "possible deadlock in {frame}")
        {
            Stack = new([StackPart.Find(@"which became [A-Z]+-irq-(?:un)?safe at:"), StackPart.Trace]),
        },
        new(@"WARNING: inconsistent lock state", "inconsistent lock state in {frame}")
        {
            Report = @"inconsistent lock state(?:.*\n)+?.*takes(?:.*\n)+?.*at:",
            Stack = StackSpec.CallTrace(),
        },
        new(@"WARNING: suspicious RCU usage", "WARNING: suspicious RCU usage in {frame}")
        {
            Report = @"WARNING: suspicious RCU usage(?:.*\n)+?.*[A-Za-z0-9_\-/]+\.[ch]:[0-9]+",
            Stack = StackSpec.CallTrace("rcu", "kmem", "slab"),
        },
        new(@"WARNING: kernel stack regs at [0-9a-f]+ in [^ ]* has bad '(?<reg>[^']+)' value", "WARNING: kernel stack regs has bad '{reg}' value") { NoStack = true },
        new(@"WARNING: kernel stack frame pointer at [0-9a-f]+ in [^ ]* has bad value", "WARNING: kernel stack frame pointer has bad value") { NoStack = true },
        // linux.go:2158-2166: the looser forms (a register name or address cut) are one bucket, `regs has bad value`.
        new(@"WARNING: kernel stack regs .* has bad 'bp' value", "WARNING: kernel stack regs has bad value") { NoStack = true },
        new(@"WARNING: kernel stack frame pointer .* has bad value", "WARNING: kernel stack regs has bad value") { NoStack = true },
        new(@"WARNING: bad unlock balance detected!", "WARNING: bad unlock balance in {frame}")
        {
            Stack = new([StackPart.Find(Pc + " " + Func + "|at: " + Func), StackPart.CallTrace, StackPart.Trace]),
        },
        new(@"WARNING: .*?[A-Za-z0-9_\-]\.(?:[a-z]+|S):[0-9]", "WARNING in {frame}")
        {
            Stack = StackSpec.Warning(),
            // linux.go {{SRC}}: any lower-case extension (.c, .h, .rs, .y...); ours adds assembly's .S.
            Why = "WARN()/WARN_ON() in any era: `at FILE:LINE FUNC`, `FILE:LINE at FUNC, CPU#N`",
        },
        new(@"WARNING:[ \t]*\z", "WARNING: corrupted") { Corrupted = true },
    ];
}
