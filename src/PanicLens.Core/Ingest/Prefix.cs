namespace PanicLens.Ingest;

/// <summary>What the transport prefixes of one line said, gathered while they are stripped.</summary>
public ref struct Prefix
{
    /// <summary>Wall-clock time in ISO 8601 (`2017-01-14T01:04:26`), when the prefix gave a full date.</summary>
    public string? Timestamp;
    /// <summary>Kernel uptime as printed inside `[ ... ]`, e.g. `1234.567890`.</summary>
    public string? Uptime;
    /// <summary>printk caller id (`T123` task, `C1` CPU).</summary>
    public string? Context;
    /// <summary>The syslog/journal tag (`kernel`, `sshd`), when a prefix named the program.</summary>
    public string? Origin;
    /// <summary>The syslog HOSTNAME field, when a prefix named the machine (a collector's file of many hosts).</summary>
    public string? Host;
    /// <summary>
    /// A console-side prefix (a time, a level, a tag, a CPU column, an envelope) was read, as opposed to only the outer
    /// layers a mail or a paste adds (quoting, indentation): a console prints it on every line, a mail client's wrap not.
    /// </summary>
    public bool Stamped;
}
