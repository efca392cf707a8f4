namespace PanicLens.Storage;

/// <summary>
/// A report that `serve` saw complete in a live stream of <see cref="Host"/> over <see cref="Source"/> (`netconsole`,
/// `syslog`, `console`, `upload`). Its identity is the host and its content hash alone (a stream has no file line
/// numbers): the same crash over several sources is one report with every source listed. <see cref="Lossy"/> says
/// this copy lost lines on the way (a sequence gap, a cut).
/// </summary>
public sealed record LiveReport(string Host, string Source, NewReport Report, bool Lossy);
