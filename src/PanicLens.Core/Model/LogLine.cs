namespace PanicLens.Model;

/// <summary>
/// One console line after its transport prefixes (syslog, journal, date+tab, printk time and caller id)
/// were stripped. <see cref="Number"/> is the 1-based line number in the input.
/// <see cref="Context"/> is the printk caller id (`T123`, `C1`) when the console printed one: lines of one
/// context belong to one CPU or task, which is how interleaved reports are pulled apart.
/// </summary>
public sealed record LogLine(int Number, string Text, string? Timestamp, string? Context)
{
    /// <summary>The uptime stamp `[ 1234.567890]` when one was printed, as text.</summary>
    public string? Uptime { get; init; }

    /// <summary>The syslog/journal tag that carried the line (`kernel`, `sshd`), when a prefix named it.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// The syslog host field (`web01` in `Jan 14 01:04:26 web01 kernel: `), when a prefix named the machine: lines of
    /// different hosts in one collector's file never belong to one report.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>
    /// The console put a prefix of its own on the line (a time, a level, a caller id, a tag, a CPU column, an envelope),
    /// not only the quoting or indentation of a mail: in a log of such lines, a line without one is a wrap.
    /// </summary>
    public bool Stamped { get; init; }
}
