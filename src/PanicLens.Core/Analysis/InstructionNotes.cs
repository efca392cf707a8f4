namespace PanicLens.Analysis;

/// <summary>Instructions whose presence at the fault says what happened without looking at any address.</summary>
public static class InstructionNotes
{
    public static readonly InstructionNote[] All =
    [
        // arch/x86/include/asm/bug.h: BUG() and WARN() are `ud2` plus a __bug_table entry.
        new("ud2", "trap", "ud2 is how BUG(), BUG_ON() and WARN() stop on x86: the code itself asked to crash (or warn); read the message above the registers, not an address."),
        // Since 6.x UBSAN and some WARN variants use ud1 with an encoded reason.
        new("ud1", "trap", "ud1 is the trap newer kernels use for UBSAN checks and some WARN()s: a runtime check fired, no bad address is involved."),
        new("ud0", "trap", "ud0 is an intentional undefined instruction: a deliberate trap, no bad address is involved."),
        // int3 comes from kprobes, jump labels and static calls being patched, or a breakpoint left in text.
        new("int3", "trap", "int3 is a breakpoint: a kprobe, a jump label or static call being patched, or text that was overwritten."),
        // native_write_msr()/native_read_msr() use the exception table; an unchecked one GPFs.
        new("wrmsr", "other", "wrmsr to a model-specific register the CPU (or hypervisor) does not allow: a general protection fault, not a memory problem."),
        new("rdmsr", "other", "rdmsr of a model-specific register the CPU (or hypervisor) does not implement: a general protection fault, not a memory problem."),
        new("ret", "branch", "the fault is on a return: the return address on the stack is corrupted (a stack buffer overflow, or a stack that was overwritten or freed), so the return would jump to a non-canonical or unmapped address."),
        new("hlt", "other", "hlt outside ring 0, or under a hypervisor that forbids it."),
        new("syscall", "other", "a syscall instruction: this Code: line is user-space code (the fault was in user mode)."),
        new("sysenter", "other", "a sysenter instruction: this Code: line is user-space code (the fault was in user mode)."),
    ];

    public static InstructionNote? Find(string mnemonic)
    {
        foreach (var row in All)
        {
            if (row.Mnemonic == mnemonic)
                return row;
        }
        return null;
    }
}
