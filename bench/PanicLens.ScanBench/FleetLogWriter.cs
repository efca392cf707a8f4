using System.Text;

namespace PanicLens.ScanBench;

/// <summary>
/// Writes a console-server log as a fleet produces it: many hosts' syslog lines with timestamps, kernel chatter,
/// lines that mention crash words without being crashes (a grep in a cron job, a monitoring check, a quoted panic
/// string), and real corpus crashes spliced in at random places with the same prefixes.
/// </summary>
public static class FleetLogWriter
{
    private static readonly string[] Chatter =
    [
        "kernel: [{0}] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
        "kernel: [{0}] EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)",
        "kernel: [{0}] IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
        "kernel: [{0}] audit: type=1400 audit(1484355866.123:42): apparmor=\"STATUS\" operation=\"profile_load\"",
        "kernel: [{0}] usb 1-1.2: new high-speed USB device number 3 using ehci-pci",
        "kernel: [{0}] TCP: request_sock_TCP: Possible SYN flooding on port 80. Sending cookies.",
        "systemd[1]: Started Session {1} of user root.",
        "systemd-logind[812]: New session {1} of user admin.",
        "sshd[{1}]: Accepted publickey for admin from 10.0.3.17 port 52144 ssh2: RSA SHA256:abcdefghijklmnop",
        "CRON[{1}]: (root) CMD (/usr/lib/sysstat/sa1 1 1)",
        "ntpd[733]: adjust time server 10.0.0.1 offset 0.000412 sec",
        "dhclient[911]: DHCPACK of 10.0.3.{2} from 10.0.3.1",
        "postfix/smtpd[{1}]: connect from unknown[10.0.8.{2}]",
    ];

    /// <summary>Crash words that are no crash: the detector must refuse them, the prefilter may not.</summary>
    private static readonly string[] Mentions =
    [
        "CRON[{1}]: (root) CMD (grep -c 'Kernel panic' /var/log/messages > /tmp/panics)",
        "nagios[{1}]: check_dmesg OK: no \"BUG: unable to handle kernel\" since boot",
        "sudo[{1}]:    admin : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/zgrep \"general protection fault\" /var/log/kern.log.2.gz",
    ];

    public static int Write(string path, long bytes, IReadOnlyList<string> crashes, int hosts = 64, int seed = 11)
    {
        var random = new Random(seed);
        using var output = new StreamWriter(path, false, Encoding.Latin1, 1 << 20);
        var planted = 0;
        var every = bytes / Math.Max(1, crashes.Count);
        long written = 0, nextCrash = every / 2;
        var clock = new DateTime(2024, 1, 14, 0, 0, 0);
        var uptime = 100.0;
        var line = 0L;
        while (written < bytes)
        {
            clock = clock.AddMilliseconds(random.Next(1, 40));
            uptime += random.NextDouble() / 50;
            var host = $"node{random.Next(hosts):000}";
            var prefix = $"{clock:MMM dd HH:mm:ss} {host} ";
            string text;
            if (written >= nextCrash && planted < crashes.Count)
            {
                text = Splice(crashes[planted++], prefix, uptime);
                nextCrash += every;
            }
            else
            {
                var table = ++line % 50_000 == 0 ? Mentions : Chatter;
                text = prefix + string.Format(table[random.Next(table.Length)], $"{uptime,12:F6}", random.Next(100, 99999), random.Next(2, 250)) + "\n";
            }
            output.Write(text);
            written += text.Length;
        }
        return planted;
    }

    /// <summary>A corpus crash, each line carried by the host's syslog prefix.</summary>
    private static string Splice(string crash, string prefix, double uptime)
    {
        var text = new StringBuilder();
        foreach (var line in crash.Split('\n'))
            if (line.Length > 0)
                text.Append(prefix).Append("kernel: [").Append($"{uptime,12:F6}").Append("] ").Append(line).Append('\n');
        return text.ToString();
    }
}
