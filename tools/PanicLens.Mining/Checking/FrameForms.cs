namespace PanicLens.Mining.Checking;

/// <summary>
/// Names the printed form of a line holding a symbolised frame, to group failures by how the crash was printed.
/// First match wins, so instruction-pointer forms come before the generic frame forms.
/// </summary>
public static class FrameForms
{
    private static readonly (string Literal, string Form)[] Table =
    [
        ("RIP:", "x86-64 RIP:"),                 // arch/x86/kernel/process_64.c __show_regs / show_ip
        ("EIP:", "i386 EIP:"),                   // arch/x86/kernel/process_32.c
        ("IP:", "x86 IP: (4.x)"),                // arch/x86/mm/fault.c show_fault_oops before 4.17
        ("pc :", "arm64 pc :"),                  // arch/arm64/kernel/process.c __show_regs
        ("lr :", "arm64 lr :"),
        ("PC is at", "arm PC is at"),            // arch/arm/kernel/process.c __show_regs
        ("LR is at", "arm LR is at"),
        ("NIP", "ppc NIP"),                      // arch/powerpc/kernel/process.c show_regs
        ("LR [", "ppc LR ["),
        ("epc", "mips/riscv epc"),               // arch/mips/kernel/traps.c, arch/riscv/kernel/process.c
        ("ra :", "riscv ra :"),
        ("Krnl PSW", "s390 Krnl PSW"),           // arch/s390/kernel/dumpstack.c show_registers
        (") from [<", "arm (func) from"),        // arch/arm/kernel/traps.c dump_backtrace_entry
        ("Function entered at", "arm Function entered at"),
        ("[<", "[<addr>] frame"),                // pre-4.x x86 and others
    ];

    public static string Of(string line)
    {
        foreach (var (literal, form) in Table)
            if (line.Contains(literal, StringComparison.Ordinal))
                return form;
        return "frame";
    }
}
