namespace PanicLens.Storage;

/// <summary>
/// A report that `serve` saw complete in a live stream of <see cref="Host"/> over <see cref="Source"/> (`netconsole`,
/// `syslog`, `console`, `upload`). Its identity is the host, its content hash and <see cref="Instant"/> (a stream has no
/// file line numbers): the same crash over several sources is one report with every source listed, and two reports of
/// the same text at different uptimes are two. <see cref="Lossy"/> says this copy lost lines on the way (a sequence
/// gap, a cut).
/// </summary>
/// <param name="Instant">The uptime stamp of the report's first line in microseconds, 0 when it printed none.</param>
public sealed record LiveReport(string Host, string Source, NewReport Report, bool Lossy, long Instant = 0);
