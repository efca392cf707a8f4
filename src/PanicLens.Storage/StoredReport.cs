using PanicLens.Buckets;

namespace PanicLens.Storage;

/// <summary>A report as stored. <see cref="ReportJson"/> and <see cref="RawText"/> are null outside a bucket's sample.</summary>
public sealed record StoredReport(long Id, string Host, string Path, long StartLine, long EndLine, bool Pending,
    string Title, string Type, string? Kernel, string? Timestamp, string FoundAt, string BucketId, string? KnownIssue,
    BucketKeys Keys, string? ReportJson, string? RawText)
{
    /// <summary>The source file's line numbers of <see cref="RawText"/>'s lines as ranges (`12-40,43`), when kept.</summary>
    public string? LineNumbers { get; init; }
}
