namespace PanicLens.Analysis;

/// <summary>The x86 page-fault error code (arch/x86/include/asm/trap_pf.h, enum x86_pf_error_code), bit by bit.</summary>
public static class PageFaultBits
{
    public const int Present = 1 << 0;
    public const int Write = 1 << 1;
    public const int User = 1 << 2;
    public const int Reserved = 1 << 3;
    public const int InstructionFetch = 1 << 4;
    public const int ProtectionKey = 1 << 5;
    public const int ShadowStack = 1 << 6;
    public const int Sgx = 1 << 15;

    public static readonly PageFaultBit[] All =
    [
        new(Present, "PROT", "a protection violation on a present page", "the page was not present (not mapped)"),
        new(Write, "WRITE", "a write", "a read"),
        new(User, "USER", "from user mode", "from kernel mode"),
        new(Reserved, "RSVD", "a reserved bit was set in a page-table entry (corrupt page tables)", ""),
        new(InstructionFetch, "INSTR", "an instruction fetch (executing data or a freed/non-executable page)", ""),
        new(ProtectionKey, "PK", "blocked by a memory protection key", ""),
        new(ShadowStack, "SHSTK", "a shadow-stack access", ""),
        new(Sgx, "SGX", "an SGX enclave access-control violation", ""),
    ];
}
