using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>Titles for CPU exceptions and die() reports outside the `BUG:` family (x86 traps, arm faults, BUG()).</summary>
public static class FaultFormats
{
    private const string BadAccess = "bad-access in {frame}";
    private static readonly StackSpec RipOnly = new([StackPart.Rip]);

    public static readonly TitleFormat[] All =
    [
        new(@"Unable to handle kernel (?<what>paging request|NULL pointer dereference|access to user memory)", "BUG: unable to handle kernel {what} in {frame}")
        {
            Alts = [BadAccess], Stack = StackSpec.Rip(), Why = "arm/arm64 __do_kernel_fault",
        },
        new(@"general protection fault.*?:", "general protection fault in {frame}")
        {
            Alts = [BadAccess], Stack = StackSpec.Rip(), Why = "x86 #GP, typically a non-canonical (poisoned) pointer",
        },
        new(@"stack segment: ", "stack segment fault in {frame}") { Stack = StackSpec.Rip() },
        new(@"PANIC: double fault", "PANIC: double fault in {frame}") { Stack = RipOnly, Why = "x86 #DF, usually a kernel stack overflow" },
        new(@"divide error:|divide_error:", "divide error in {frame}") { Stack = RipOnly },
        new(@"invalid opcode:", "invalid opcode in {frame}") { Stack = RipOnly, Why = "x86 #UD outside BUG()" },
        new(@"int3:", "int3 in {frame}") { Stack = StackSpec.Rip() },
        new(@"kernel BUG at mm/usercopy\.c", "BUG: bad usercopy in {frame}") { Stack = StackSpec.CallTrace("usercopy", "__check") },
        new(@"kernel BUG at lib/list_debug\.c", "BUG: corrupted list in {frame}") { Alts = [BadAccess], Stack = StackSpec.CallTrace(), Why = "CONFIG_DEBUG_LIST caught a corrupted list" },
        new(@"kernel BUG", "kernel BUG in {frame}") { Stack = StackSpec.Rip("^skb_"), Why = "BUG()/BUG_ON(): the RIP is the asserting function" },
        new(@"Kernel BUG (?<rest>.*)", "kernel BUG {rest}"),
        new(@"BUG kmalloc-.*: Object already free", "BUG: Object already free"),
        new(@"Internal error:", "Internal error in {frame}") { Alts = [BadAccess], Stack = StackSpec.Rip(), Why = "arm/arm64 die()" },
        new(@"Unhandled fault:", "Unhandled fault in {frame}") { Alts = [BadAccess], Stack = StackSpec.Rip() },
        new(@"Alignment trap:", "Alignment trap in {frame}") { Stack = StackSpec.Rip() },
        new(@"^Oops: [0-9a-f]+ ", "Oops in {frame}") { Stack = StackSpec.Rip(), Why = "a die() banner whose first line was lost or never printed" },
        new(@"Watchdog detected hard LOCKUP", "hard lockup in {frame}")
        {
            Stack = StackSpec.Rip(), Why = "kernel/watchdog_hld.c: the NMI watchdog saw no timer interrupts; RIP is where the CPU spins",
        },
    ];
}
