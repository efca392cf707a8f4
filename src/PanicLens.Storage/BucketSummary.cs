using PanicLens.Buckets;

namespace PanicLens.Storage;

/// <summary>One bucket as `buckets` lists it: its reports counted, with their hosts and kernels, first and last seen.</summary>
public sealed record BucketSummary(string Id, string Title, string Type, long Count, IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Kernels, string? FirstSeen, string? LastSeen, string? KnownIssue, BucketKeys Keys);
