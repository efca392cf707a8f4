using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>Titles for CPU exceptions and die() reports outside the `BUG:` family (x86 traps, arm faults, BUG()).</summary>
public static class FaultFormats
{
    private const string BadAccess = "bad-access in {frame}";
    private static readonly StackSpec RipOnly = new([StackPart.Rip]);

    // mips (arch/mips/kernel/traps.c show_regs: `epc   : 8012f0a4 func+0x10/0x20`) and s390 (arch/s390/kernel/dumpstack.c
    // show_registers: `Krnl PSW : 0704c0018.. 000000000088e2e0 (func+0x10/0x30)`) print the faulting function on their
    // own register line; where it is missing the first frame of the trace names it.
    private static readonly StackSpec MipsEpc = StackSpec.IpOrTrace(@"epc +: [0-9a-f]+ " + Func);
    // riscv (arch/riscv/kernel/process.c __show_regs: `epc : func+0x56/0x20a`, then ` ra : caller+0x..`) names the
    // faulting function with no address before it.
    private static readonly StackSpec RiscvEpc = StackSpec.IpOrTrace(@"epc : " + Func);
    private static readonly StackSpec S390Psw = StackSpec.IpOrTrace(@"Krnl PSW : [0-9a-f]+ [0-9a-f]+ \(" + Func);

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
        new(@"Unable to handle kernel pointer dereference in virtual kernel address space", "BUG: unable to handle kernel paging request in {frame}")
        {
            Alts = [BadAccess], Stack = S390Psw, Why = "s390 do_no_context (arch/s390/mm/fault.c): a kernel access to an unmapped kernel address",
        },
        new(@"Unhandled kernel unaligned access", "Unhandled kernel unaligned access in {frame}")
        {
            Stack = MipsEpc, Why = "mips die_if_kernel() in arch/mips/kernel/unaligned.c; `[#N]` is a count, not part of the kind",
        },
        new(@"Reserved instruction in kernel code", "Reserved instruction in kernel code in {frame}")
        {
            Stack = MipsEpc, Why = "mips do_ri() die_if_kernel(): an undefined instruction in the kernel",
        },
        new(@"Oops - (?<what>[A-Za-z()/ -]{1,60}?) \[#[0-9]+\]", "Oops - {what} in {frame}")
        {
            Alts = [BadAccess], Stack = RiscvEpc,
            Why = "riscv die() from do_trap_error (arch/riscv/kernel/traps.c): the trap's name, `[#N]` a count",
        },
        new(@"^Oops\[#[0-9]+\]", "Oops in {frame}")
        {
            Alts = [BadAccess], Stack = MipsEpc, Why = "mips die() `Oops[#1]:` whose `CPU 0 Unable to handle kernel paging request` line was lost",
        },
        new(@"^Oops: Kernel access of bad area", "BUG: unable to handle kernel paging request in {frame}")
        {
            Alts = [BadAccess], Stack = StackSpec.IpOrTrace(RipLine), Why = "powerpc die() after a bad kernel access (arch/powerpc/mm/fault.c), its `Unable to handle` line lost or pre-5.2",
        },
        new(@"^Oops: (?<what>[A-Z][A-Za-z ]*[a-z]), sig: [0-9]+", "Oops: {what} in {frame}")
        {
            Stack = StackSpec.IpOrTrace(RipLine), Why = "powerpc die() banners (`Exception in kernel mode`, `Machine check`): the kind without its signal and count",
        },
        new(@"^Oops: [0-9a-f]+ ", "Oops in {frame}") { Stack = StackSpec.Rip(), Why = "a die() banner whose first line was lost or never printed" },
        new(@"Watchdog detected hard LOCKUP", "hard lockup in {frame}")
        {
            Stack = StackSpec.Rip(), Why = "kernel/watchdog_hld.c: the NMI watchdog saw no timer interrupts; RIP is where the CPU spins",
        },
        new(@"^NMI backtrace for cpu [0-9]+", "NMI backtrace in {frame}")
        {
            Stack = StackSpec.Rip(),
            Why = "ours: lib/nmi_backtrace.c standing alone (the stall or lockup line that asked for it was not captured); RIP is where the CPU was",
        },
    ];
}
