namespace PanicLens.Storage;

/// <summary>Which reports `buckets` counts: seen at or after <see cref="Since"/> (ISO 8601 text), on a host, on a kernel.</summary>
public sealed record BucketFilter(string? Since = null, string? Host = null, string? Kernel = null);
