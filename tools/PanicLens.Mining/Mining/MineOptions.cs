namespace PanicLens.Mining.Mining;

/// <summary>The `mine` verb's arguments.</summary>
/// <param name="GitDirs">List archives (bare git directories), read in order.</param>
/// <param name="Out">The mined corpus folder (kept outside the repository).</param>
/// <param name="MaxPerList">Mails written per archive at the most, so that several lists contribute.</param>
/// <param name="SyzbotReports">Keep only syzbot's own first report mails (their subject is the crash's title).</param>
public sealed record MineOptions(IReadOnlyList<string> GitDirs, string Out, int MaxPerList, bool SyzbotReports = false);
