namespace PanicLens.Analysis;

/// <summary>How an arm64 load/store forms its address from the base register Xn (bits 9..5).</summary>
public enum Arm64Access
{
    /// <summary>Not a memory access.</summary>
    None,
    /// <summary>Xn + imm12 scaled by the access size.</summary>
    UnsignedOffset,
    /// <summary>Xn + signed imm9 (unscaled, pre-index, unprivileged).</summary>
    SignedOffset,
    /// <summary>Xn, then Xn is updated.</summary>
    PostIndex,
    /// <summary>Xn + signed imm7 scaled by the register size (load/store pair).</summary>
    PairOffset,
    /// <summary>Xn + Xm (shifted or extended); the offset register is not followed.</summary>
    RegisterOffset,
    /// <summary>Xn exactly (exclusive, acquire/release and atomic forms).</summary>
    BaseOnly,
    /// <summary>PC-relative literal.</summary>
    Literal,
}
