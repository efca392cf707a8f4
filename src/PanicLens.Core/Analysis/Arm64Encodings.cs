namespace PanicLens.Analysis;

/// <summary>
/// arm64 instruction groups that matter at a fault (Arm ARM, "A64 instruction set encoding"), specific first.
/// For loads and stores bit 22 is the L (load) bit in every group listed; the classifier reads it.
/// </summary>
public static class Arm64Encodings
{
    public static readonly Arm64Encoding[] All =
    [
        // arch/arm64/include/asm/brk-imm.h: BUG()/WARN() use BRK #0x800, KASAN #0x900-0x9ff, UBSAN #0x5500-0x55ff.
        new(0xffe0001f, 0xd4200000, "trap", "brk", Arm64Access.None),
        new(0xffe0001f, 0xd4400000, "trap", "hlt", Arm64Access.None),
        new(0xffff0000, 0x00000000, "trap", "udf", Arm64Access.None),
        new(0x7c000000, 0x14000000, "branch", "b/bl", Arm64Access.None),
        new(0xfe000000, 0xd6000000, "branch", "br/blr/ret", Arm64Access.None),
        new(0x7e000000, 0x34000000, "branch", "cbz/cbnz", Arm64Access.None),
        new(0x7e000000, 0x36000000, "branch", "tbz/tbnz", Arm64Access.None),
        new(0xff000010, 0x54000000, "branch", "b.cond", Arm64Access.None),
        new(0x3f000000, 0x08000000, "load/store", "exclusive or acquire/release", Arm64Access.BaseOnly),
        new(0x3b200c00, 0x38200000, "load+store", "atomic memory operation", Arm64Access.BaseOnly),
        new(0x3b000000, 0x18000000, "load/store", "literal", Arm64Access.Literal),
        new(0x3b800000, 0x28800000, "load/store", "pair, post-index", Arm64Access.PostIndex),
        new(0x3a000000, 0x28000000, "load/store", "pair", Arm64Access.PairOffset),
        new(0x3b000000, 0x39000000, "load/store", "register, unsigned offset", Arm64Access.UnsignedOffset),
        new(0x3b200c00, 0x38200800, "load/store", "register, register offset", Arm64Access.RegisterOffset),
        new(0x3b200c00, 0x38000400, "load/store", "register, post-index", Arm64Access.PostIndex),
        new(0x3b200000, 0x38000000, "load/store", "register, signed offset", Arm64Access.SignedOffset),
        new(0x0a000000, 0x08000000, "load/store", "other load/store", Arm64Access.BaseOnly),
        new(0x1c000000, 0x10000000, "data-processing", "data processing (immediate)", Arm64Access.None),
        new(0x1c000000, 0x14000000, "system", "branch, exception or system", Arm64Access.None),
        new(0x0e000000, 0x0a000000, "data-processing", "data processing (register)", Arm64Access.None),
        new(0x0e000000, 0x0e000000, "simd-fp", "SIMD and floating point", Arm64Access.None),
    ];

    public static Arm64Encoding? Find(uint word)
    {
        foreach (var row in All)
        {
            if ((word & row.Mask) == row.Value)
                return row;
        }
        return null;
    }
}
