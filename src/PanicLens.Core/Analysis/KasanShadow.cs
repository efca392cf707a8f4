namespace PanicLens.Analysis;

/// <summary>A KASAN shadow mapping: shadow(addr) = (addr &gt;&gt; <see cref="Scale"/>) + <see cref="Offset"/> on <see cref="Arch"/>.</summary>
public sealed record KasanShadow(string Arch, ulong Offset, int Scale, string Mode);
