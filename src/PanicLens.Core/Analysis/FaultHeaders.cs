namespace PanicLens.Analysis;

/// <summary>Header literals that tell what kind of fault a report is; CR2 only means something after a page fault.</summary>
public static class FaultHeaders
{
    public static readonly (string Literal, FaultKind Kind)[] All =
    [
        ("unable to handle kernel paging request", FaultKind.PageFault),
        ("unable to handle kernel NULL pointer dereference", FaultKind.PageFault),
        ("kernel NULL pointer dereference", FaultKind.PageFault),
        ("unable to handle page fault", FaultKind.PageFault),
        ("#PF:", FaultKind.PageFault),
        ("kernel tried to execute NX-protected page", FaultKind.PageFault),
        ("unable to execute userspace code", FaultKind.PageFault),
        // arch/x86/kernel/traps.c: the error code of a GPF is a segment selector, and CR2 is whatever the last page fault left.
        ("general protection fault", FaultKind.GeneralProtection),
        // arch/x86/kernel/traps.c handle_stack_overflow(): CR2 is the guard page that was hit.
        ("stack guard page was hit", FaultKind.PageFault),
        // arch/arm64/mm/fault.c do_sea(): a bus error from a device or memory, reported without FAR.
        ("synchronous external abort", FaultKind.ExternalAbort),
    ];

    public static FaultKind Of(Model.CrashReport report)
    {
        foreach (var (literal, kind) in All)
        {
            if (report.Message.Contains(literal, StringComparison.OrdinalIgnoreCase))
                return kind;
        }
        return report.ErrorCode is null ? FaultKind.Other : FaultKind.PageFault;
    }
}
