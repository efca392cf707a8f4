using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>Titles for the remaining headers: UBSAN, reboots, leaks of devices and files, hardware, Xen, tools.</summary>
public static class MiscFormats
{
    private static readonly string[] UbsanSkip = ["ubsan", "overflow"];
    private static readonly StackSpec XenStack = new([StackPart.Find("Xen call trace:"), StackPart.Trace]);

    public static readonly TitleFormat[] All =
    [
        new(@"UBSAN: Undefined behaviour in", "UBSAN: undefined-behaviour in {frame}") { Stack = StackSpec.CallTrace(UbsanSkip) },
        new(@"UBSAN: array-index-out-of-bounds in", "UBSAN: array-index-out-of-bounds in {frame}")
        {
            Alts = ["bad-access in {frame}"], Stack = StackSpec.CallTrace(UbsanSkip),
        },
        new(@"UBSAN: (?<kind>[a-z0-9\-]+) in", "UBSAN: {kind} in {frame}") { Stack = StackSpec.CallTrace(UbsanSkip) },
        new(@"^[ \t]*Booting the kernel\.", "unexpected kernel reboot") { NoStack = true },
        new(@"unregister_netdevice: waiting for .* to become free", "unregister_netdevice: waiting for DEV to become free")
        {
            NoStack = true, Why = "net/core/dev.c netdev_wait_allrefs; the device name varies per run (lo, syz_tun...): one bucket (linux.go:2595)",
        },
        new(@"VFS: Close: file count is 0", "VFS: Close: file count is zero (use-after-free)") { NoStack = true },
        new(@"VFS: Busy inodes after unmount", "VFS: Busy inodes after unmount (use-after-free)") { NoStack = true },
        new(@"trusty: panic .*ASSERT FAILED at \([^)]*\): (?<msg>[^ \t].*)", "trusty: ASSERT FAILED: {msg}") { NoStack = true },
        new(@"trusty: panic.* ASSERT FAILED.*: *(?<msg>.*)", "trusty: ASSERT FAILED: {msg}")
        {
            NoStack = true, Corrupted = true, Why = "the assert's location was garbled: the text after its last colon, flagged (linux.go:2735)",
        },
        new(@"trusty: panic(?: \([^)]*\))?: ?(?<msg>.*)", "trusty: panic: {msg}") { NoStack = true },
        new(@"^fatal error:", "go runtime error") { NoStack = true },
        new(@"SYZFAIL:(?<rest>.*)", "SYZFAIL:{rest}") { NoStack = true },
        new(@"SYZFATAL:(?<rest>.*)", "SYZFATAL:{rest}") { Alts = ["SYZFATAL"], NoStack = true },
        new(@"^panic: Sentry detected .* stuck task", "panic: Sentry detected stuck tasks")
        {
            NoStack = true, Why = "gVisor's watchdog names how many tasks are stuck: one bucket (report.go:907)",
        },
        new(@"^panic:(?<rest>.*)", "panic:{rest}") { NoStack = true },
        new(@"rust_kernel: panicked", "{msg} in {frame}")
        {
            Report = @"rust_kernel: panicked.*\n(?<msg>.*)",
            Stack = StackSpec.CallTrace(@"rust_begin_unwind"),
        },
        new(@"(?:\[Hardware Error\]: )?CPU [0-9]+: Machine Check(?: Exception)?", "mce: Machine Check Exception")
        {
            NoStack = true, Why = "fatal machine check (with or without the 2.6-era missing [Hardware Error] tag): hardware, bucketed apart from software bugs",
        },
        new(@"\[Hardware Error\]: Machine check events logged|Machine check events logged", "mce: Machine check events logged") { NoStack = true, Why = "corrected machine check" },
        new(@"\[Hardware Error\]: (?<rest>.*)", "mce: Hardware Error: {rest}") { NoStack = true, Why = "other MCE/GHES/EDAC hardware lines" },
        new(@"page allocation failure: order:(?<order>[0-9]+)", "page allocation failure: order:{order} in {frame}")
        {
            Stack = StackSpec.CallTrace("^warn_alloc", "^__alloc_pages", "^alloc_pages", "^__get_free_pages", "slowpath", "^__alloc_skb", "^alloc_skb"),
            Why = "mm/page_alloc.c warn_alloc: the allocation that failed, named after its caller",
        },
        new(@"\(XEN\) Xen BUG at", "Xen BUG in {frame}") { Stack = XenStack, Why = "Xen BUG(): frames from the hypervisor's own trace" },
        new(@"\(XEN\) Assertion '", "Xen assertion failed in {frame}") { Stack = XenStack },
        new(@"\(XEN\) FATAL TRAP", "Xen fatal trap in {frame}") { Stack = XenStack },
        new(@"\(XEN\) ----\[ Xen-", "Xen crash in {frame}") { Stack = XenStack },
        new(@"\(XEN\) Panic on CPU", "Xen panic in {frame}") { Stack = XenStack },
        new(@"\(XEN\) Domain 0 crashed", "Xen: Domain 0 crashed") { NoStack = true, Why = "the Dom0 kernel's own report was lost" },
    ];
}
