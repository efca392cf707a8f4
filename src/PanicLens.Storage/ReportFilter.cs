namespace PanicLens.Storage;

/// <summary>
/// Which reports a listing returns, newest (highest id) first: of a host, of a bucket, below <see cref="Before"/> (the
/// paging cursor: the last id of the previous page), at most <see cref="Limit"/>.
/// </summary>
public sealed record ReportFilter(string? Host = null, string? Bucket = null, long? Before = null, int Limit = 50);
