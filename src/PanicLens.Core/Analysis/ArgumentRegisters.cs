namespace PanicLens.Analysis;

/// <summary>Which register holds which argument when a kernel function starts, per architecture.</summary>
public static class ArgumentRegisters
{
    private const string SysV = "the x86_64 System V calling convention";
    // arch/x86/Makefile builds 32-bit kernels with -mregparm=3: the first three arguments travel in registers.
    private const string RegParm = "the i386 kernel's -mregparm=3 convention";
    private const string Aapcs = "the AArch64 procedure call standard";

    public static readonly ArgumentRegister[] All =
    [
        new("x86_64", "rdi", 1, SysV),
        new("x86_64", "rsi", 2, SysV),
        new("x86_64", "rdx", 3, SysV),
        new("x86_64", "rcx", 4, SysV),
        new("x86_64", "r8", 5, SysV),
        new("x86_64", "r9", 6, SysV),
        new("i386", "eax", 1, RegParm),
        new("i386", "edx", 2, RegParm),
        new("i386", "ecx", 3, RegParm),
        new("arm64", "x0", 1, Aapcs),
        new("arm64", "x1", 2, Aapcs),
        new("arm64", "x2", 3, Aapcs),
        new("arm64", "x3", 4, Aapcs),
        new("arm64", "x4", 5, Aapcs),
        new("arm64", "x5", 6, Aapcs),
        new("arm64", "x6", 7, Aapcs),
        new("arm64", "x7", 8, Aapcs),
    ];

    public static ArgumentRegister? Find(string arch, string register)
    {
        foreach (var row in All)
        {
            if (row.Arch == arch && string.Equals(row.Register, register, StringComparison.OrdinalIgnoreCase))
                return row;
        }
        return null;
    }
}
