namespace PanicLens.Server.Streaming;

/// <summary>What a spool record says happened to the collector, in the order it happened.</summary>
public enum SpoolRecordKind : byte
{
    /// <summary>A console line of a stream.</summary>
    Line = 1,
    /// <summary>The stream lost lines (a sequence gap).</summary>
    Lossy = 2,
    /// <summary>The stream's open report was closed by time (its quiet period, or shutdown), not by a line.</summary>
    Close = 3,
    /// <summary>The stream was dropped to make room for another (its open report closed).</summary>
    Evict = 4,
    /// <summary>The chunk completed at event <see cref="SpoolRecord.Event"/> is stored.</summary>
    Stored = 5,
    /// <summary>A followed file was read up to a position (<see cref="FollowPosition"/>, its path in the host field).</summary>
    Offset = 6,
}

/// <summary>
/// One spooled event of the collector. Every kind but <see cref="SpoolRecordKind.Stored"/> and <see cref="SpoolRecordKind.Offset"/> is an event of the collector
/// and takes the next event number; a chunk is named by the number of the event that completed it.
/// </summary>
public readonly record struct SpoolRecord(SpoolRecordKind Kind, string Host, string Source, string? Line, long Event);
