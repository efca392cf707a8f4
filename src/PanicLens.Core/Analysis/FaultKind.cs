namespace PanicLens.Analysis;

/// <summary>Which address a report's header vouches for: a page fault's (CR2/FAR is the faulting address), a general protection fault's (CR2 is stale), or another.</summary>
public enum FaultKind
{
    Other,
    PageFault,
    GeneralProtection,
    /// <summary>An arm64 external abort: no fault address is printed, the operand gives it.</summary>
    ExternalAbort,
}
