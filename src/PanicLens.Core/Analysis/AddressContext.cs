namespace PanicLens.Analysis;

/// <summary>
/// What the classifier needs to know besides the address: the architecture (`x86_64`, `i386`, `arm64`), the
/// kernel release, whether the address came from a page fault (so the CPU accepted it as canonical), and
/// whether the page was reported not present (`PTE 0`, error code bit 0 clear).
/// </summary>
public sealed record AddressContext(string Arch, string? Kernel, bool FromPageFault, bool NotPresent)
{
    /// <summary>True when the faulting instruction computed its address from a KASAN shadow offset (a shadow check).</summary>
    public bool KasanShadowAccess { get; init; }
}
