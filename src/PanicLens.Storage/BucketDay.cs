namespace PanicLens.Storage;

/// <summary>How many reports of a bucket were seen on one day (`yyyy-MM-dd` of the log's time, else the time found).</summary>
public sealed record BucketDay(string BucketId, string Day, long Count);
