using System.Diagnostics;
using System.Text;

namespace PanicLens.Server.Tests;

/// <summary>
/// A real rsyslogd of its own (foreground, own pid file and work folder), configured to read a file with imfile and
/// forward each line as RFC 5424 over octet-counted TCP to our port — a console server's or a host's syslog relay.
/// </summary>
public sealed class RsyslogForwarder : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private RsyslogForwarder(Process process, string folder)
    {
        this.process = process;
        this.folder = folder;
    }

    private string Input => Path.Combine(folder, "replay.log");

    public static RsyslogForwarder Start(int port, string hostName)
    {
        var folder = Path.Combine(Path.GetTempPath(), "paniclens-rsyslog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "replay.log");
        File.WriteAllText(input, "");
        var config = Path.Combine(folder, "rsyslog.conf");
        File.WriteAllText(config, $"""
            global(workDirectory="{folder}" localHostname="{hostName}" maxMessageSize="64k")
            module(load="imfile" mode="polling" pollingInterval="1")
            input(type="imfile" file="{input}" tag="kernel:" freshStartTail="off" ruleset="forward")
            ruleset(name="forward") {"{"}
              action(type="omfwd" target="127.0.0.1" port="{port}" protocol="tcp" TCP_Framing="octet-counted"
                     template="RSYSLOG_SyslogProtocol23Format")
            {"}"}
            """);
        var start = new ProcessStartInfo("rsyslogd", $"-n -f {config} -i {Path.Combine(folder, "rsyslogd.pid")}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start (apt-get install rsyslog)");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        Thread.Sleep(500);
        Assert.False(process.HasExited, $"rsyslogd exited at once with {(process.HasExited ? process.ExitCode : 0)}");
        return new RsyslogForwarder(process, folder);
    }

    /// <summary>Appends the lines to the file rsyslog reads, as a kernel's log would grow.</summary>
    public void Replay(IEnumerable<string> lines) => File.AppendAllLines(Input, lines, Encoding.Latin1);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
