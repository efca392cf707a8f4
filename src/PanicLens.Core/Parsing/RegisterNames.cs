namespace PanicLens.Parsing;

/// <summary>Register names as each architecture's `show_regs` prints them, and the architecture they reveal.</summary>
internal static class RegisterNames
{
    internal sealed record RegisterSet(string Arch, string[] Names, string Why);

    public static readonly RegisterSet[] Sets =
    [
        new("x86_64", ["RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RBP", "RSP", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15",
            "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "RFLAGS", "ORIG_RAX"],
            "arch/x86/kernel/process_64.c __show_regs; Xen prints them lower-case"),
        new("i386", ["EAX", "EBX", "ECX", "EDX", "ESI", "EDI", "EBP", "ESP"], "arch/x86/kernel/process_32.c __show_regs"),
        new("arm64", ["x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
            "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "pstate"], "arch/arm64/kernel/process.c __show_regs"),
        new("arm", ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "fp", "ip", "psr"], "arch/arm/kernel/process.c __show_regs and unwinder lines"),
        new("ppc64", ["GPR00", "GPR04", "GPR08", "GPR12", "GPR16", "GPR20", "GPR24", "GPR28", "MSR", "XER", "DAR", "DSISR", "SOFTE", "CFAR", "CTR", "TRAP"],
            "arch/powerpc/kernel/process.c show_regs"),
        new("", ["EFLAGS", "FS", "GS", "knlGS", "CS", "DS", "ES", "SS", "CR0", "CR2", "CR3", "CR4", "DR0", "DR1", "DR2", "DR3", "DR6", "DR7",
            "PKRU", "cr0", "cr2", "cr3", "cr4", "ds", "es", "fs", "gs", "ss", "cs", "sp", "lr", "CR", "LR"],
            "segment, control and shared names that do not tell x86_64 from i386 or arm from arm64"),
    ];

    private static readonly Dictionary<string, string> ArchByName = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ArchBySpan =
        ArchByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in Sets)
            foreach (var name in set.Names)
                map.TryAdd(name, set.Arch);
        return map;
    }

    /// <summary>Looks the name up without making a string of it: most lines asked about are no register line.</summary>
    public static bool IsRegister(ReadOnlySpan<char> name) => ArchBySpan.ContainsKey(name);

    /// <summary>The architecture a register name reveals ("" when shared), looked up without making a string; false when it is no register name.</summary>
    public static bool TryGetArch(ReadOnlySpan<char> name, out string arch) => ArchBySpan.TryGetValue(name, out arch!);
}
