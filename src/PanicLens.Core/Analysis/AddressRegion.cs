namespace PanicLens.Analysis;

/// <summary>
/// A range of virtual addresses [<see cref="Low"/>, <see cref="High"/>] with a fixed meaning on <see cref="Arch"/>,
/// valid for kernels from <see cref="Since"/> (inclusive) up to <see cref="Until"/> (exclusive), `major.minor`.
/// </summary>
public sealed record AddressRegion(string Id, string Arch, ulong Low, ulong High, string Explanation)
{
    public string? Since { get; init; }
    public string? Until { get; init; }
    /// <summary>True for layouts that only 5-level paging (LA57) makes canonical.</summary>
    public bool FiveLevel { get; init; }
}
