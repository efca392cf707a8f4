namespace PanicLens.Analysis;

/// <summary>The bad address (hex without 0x), its class id (`null-offset`, `user`, `non-canonical`, `slab-poison-free`, `direct-map`...), and what that means.</summary>
public sealed record AddressFinding(string Value, string Class, string Explanation);
