namespace PanicLens.Model;

/// <summary>
/// The `Code:` line: bytes as printed, with <see cref="FaultIndex"/> at the byte in `&lt;..&gt;` or `(..)`
/// (the first byte of the faulting instruction), or -1 when none is marked. arm64 and other fixed-width
/// architectures print 32-bit words; then <see cref="WordSize"/> is 4 and <see cref="Bytes"/> holds them little-endian.
/// </summary>
public sealed record CodeBytes(byte[] Bytes, int FaultIndex, int WordSize, string Text);
