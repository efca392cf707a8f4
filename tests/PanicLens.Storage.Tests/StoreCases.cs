using PanicLens.Buckets;

namespace PanicLens.Storage.Tests;

/// <summary>Reports and file states built for store tests.</summary>
public static class StoreCases
{
    public static StoredFile File(string host, string inode, long offset = 0, string path = "") =>
        new(host, "8:1", inode, path.Length > 0 ? path : $"/logs/{host}.log", "head" + inode, 4096, 100_000, offset, offset / 80, "none");

    public static BucketKeys Keys(string function, string build = "1") => new(
        $"exact/1:MEMORY_SAFETY_BUG:{function}+0x{build}/0x40 < caller+0x10/0x80",
        $"stack/1:MEMORY_SAFETY_BUG:{function} < caller",
        $"title/1:BUG: unable to handle kernel paging request in {function}",
        $"domain/1:bad-access in {function}");

    public static NewReport Report(string function, long startLine, string? kernel = "5.10.0", string? timestamp = null,
        bool pending = false, string? knownIssue = null, string text = "") => new()
    {
        ContentHash = $"{function}-{startLine}-{text}",
        StartLine = startLine,
        EndLine = startLine + 30,
        Pending = pending,
        Title = $"BUG: unable to handle kernel paging request in {function}",
        Type = "MEMORY_SAFETY_BUG",
        Kernel = kernel,
        Timestamp = timestamp,
        KnownIssue = knownIssue,
        Keys = Keys(function),
        ReportJson = $"{{\"title\":\"{function}\"}}",
        RawText = $"BUG: unable to handle kernel paging request at 0000\nIP: {function}+0x1/0x40\n{text}",
    };
}
