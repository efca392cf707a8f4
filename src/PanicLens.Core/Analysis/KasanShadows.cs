namespace PanicLens.Analysis;

/// <summary>
/// KASAN_SHADOW_OFFSET values (arch/x86/Kconfig, arch/arm64/Kconfig and older arm64 layouts seen in real logs).
/// A compiler-inserted check loads the shadow byte of the address it is about to touch; when that address is
/// wild, the shadow address is too, and the check itself faults with an address that decodes back.
/// </summary>
public static class KasanShadows
{
    public static readonly KasanShadow[] All =
    [
        new("x86_64", 0xdffffc0000000000, 3, "generic KASAN"),
        new("arm64", 0xdfff800000000000, 3, "generic KASAN, 48-bit VA"),
        new("arm64", 0xdfffa00000000000, 3, "generic KASAN, 48-bit VA (5.4 to 5.10 layout)"),
        new("arm64", 0xdfff200000000000, 3, "generic KASAN, 48-bit VA (before 5.4)"),
        new("arm64", 0xdfffc00000000000, 3, "generic KASAN, 16K pages"),
        new("arm64", 0xefff800000000000, 4, "software tag-based KASAN, 48-bit VA"),
    ];

    /// <summary>True when <paramref name="value"/> is one of <paramref name="arch"/>'s shadow offsets (a register holding it marks a shadow check).</summary>
    public static bool IsOffset(string arch, ulong value)
    {
        foreach (var row in All)
        {
            if (row.Arch == arch && row.Offset == value)
                return true;
        }
        return false;
    }
}
