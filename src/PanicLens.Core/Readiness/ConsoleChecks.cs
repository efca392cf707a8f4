using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>
/// Will the crash reach someone outside the host: a serial console (through the hypervisor on Xen), netconsole,
/// and a console log level that lets the lines out.
/// </summary>
public static class ConsoleChecks
{
    /// <summary>Kernel console device prefixes that leave the box on a wire or through a BMC/hypervisor.</summary>
    private static readonly (string Prefix, string Why)[] SerialConsoles =
    [
        ("ttyS", "8250/16550 UART: the serial port an IPMI SOL, iLO VSP or console server reads"),
        ("ttyAMA", "ARM PL011 UART"),
        ("ttysclp", "s390 SCLP console"),
        ("hvc", "hypervisor console: on a Xen Dom0 it reaches the serial port through Xen's console="),
        ("ttyUL", "Xilinx UART"),
    ];

    public static CheckResult Serial(HostContext host)
    {
        const string id = "oob.serial";
        var cmdline = host.Tree.Read("/proc/cmdline");
        var consoles = KernelCommandLine.Values(cmdline.Value, "console");
        var evidence = new List<string> { host.Show(cmdline, consoles.Count == 0 ? "no console=" : string.Join(" ", consoles.Select(c => "console=" + c))) };
        if (!cmdline.Readable)
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.console.1"));
        var serial = consoles.FirstOrDefault(c => SerialConsoles.Any(s => c.StartsWith(s.Prefix, StringComparison.Ordinal)));
        if (host.XenDom0)
            return XenSerial(host, id, serial, evidence);
        if (serial is null)
            return new(id, CheckStatus.Warn, evidence,
                Sentences.Get("fix.console.2"));
        return new(id, CheckStatus.Pass, evidence, "");
    }

    private static CheckResult XenSerial(HostContext host, string id, string? serial, List<string> evidence)
    {
        var xenLine = host.Facts.Xen.CommandLine;
        if (xenLine is null)
        {
            evidence.Add(Sentences.Get("evidence.no-xen-line"));
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.console.4"));
        }
        var xenConsole = KernelCommandLine.Last(xenLine, "console");
        var port = xenConsole?.Split(',').FirstOrDefault(c => c.StartsWith("com", StringComparison.Ordinal));
        var portSettings = port is null ? null : KernelCommandLine.Last(xenLine, port.TrimEnd('H', 'L'));
        evidence.Add($"{host.Facts.Boot!.ConfigPath}: hypervisor console={xenConsole ?? "(default com1,vga)"}{(portSettings is null ? "" : $" {port}={portSettings}")}");
        if (serial is null || !serial.StartsWith("hvc", StringComparison.Ordinal))
            return new(id, CheckStatus.Warn, evidence, Sentences.Get("fix.console.5"));
        if (port is null)
            return new(id, CheckStatus.Warn, evidence, Sentences.Get("fix.console.6"));
        if (portSettings is null)
            return new(id, CheckStatus.Warn, evidence, Sentences.Format("fix.console.7", port));
        return new(id, CheckStatus.Pass, evidence, "");
    }

    public static CheckResult Netconsole(HostContext host)
    {
        const string id = "oob.netconsole";
        var evidence = new List<string>();
        var loaded = host.Facts.Modules is null ? (bool?)null : host.Facts.HasModule("netconsole");
        evidence.Add(Sentences.Get(loaded is null ? "evidence.modules.unreadable" : loaded.Value ? "evidence.netconsole.loaded" : "evidence.netconsole.not-loaded"));
        var configured = NetconsoleConfig(host, evidence);
        if (host.XenDom0)
            evidence.Add(Sentences.Get("evidence.netconsole.xen"));
        if (loaded == true)
            return new(id, CheckStatus.Pass, evidence, "");
        if (configured)
            return new(id, CheckStatus.Warn, evidence, Sentences.Get("fix.console.10"));
        if (loaded is null)
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.console.11"));
        return new(id, CheckStatus.Warn, evidence,
            Sentences.Get("fix.console.12"));
    }

    private static bool NetconsoleConfig(HostContext host, List<string> evidence)
    {
        var found = false;
        if (KernelCommandLine.Last(host.Facts.CommandLine, "netconsole") is { } param)
        {
            evidence.Add($"/proc/cmdline: netconsole={param}");
            found = true;
        }
        foreach (var target in host.Tree.List("/sys/kernel/config/netconsole"))
        {
            var enabled = host.Tree.ReadOptional($"/sys/kernel/config/netconsole/{target}/enabled").Value;
            evidence.Add($"/sys/kernel/config/netconsole/{target}/enabled: {enabled ?? "unreadable"}");
            found = true;
        }
        if (ShellVariables.Parse(host.Tree.ReadOptional("/etc/sysconfig/netconsole").Text).GetValueOrDefault("SYSLOGADDR") is { Length: > 0 } addr)
        {
            evidence.Add($"/etc/sysconfig/netconsole: SYSLOGADDR={addr}");
            found = true;
        }
        foreach (var dir in (string[])["/etc/modprobe.d", "/etc/modules-load.d"])
        {
            foreach (var name in host.Tree.List(dir))
            {
                var text = host.Tree.ReadOptional($"{dir}/{name}").Text ?? "";
                if (text.Split('\n').Any(l => !l.TrimStart().StartsWith('#') && l.Contains("netconsole", StringComparison.Ordinal)))
                {
                    evidence.Add($"{dir}/{name}: mentions netconsole");
                    found = true;
                }
            }
        }
        if (!found)
            evidence.Add(Sentences.Get("evidence.netconsole.none"));
        return found;
    }

    public static CheckResult Printk(HostContext host)
    {
        const string id = "oob.printk";
        var evidence = new List<string> { host.ShowSysctl("kernel.printk") };
        if (KernelCommandLine.Has(host.Facts.CommandLine, "ignore_loglevel"))
        {
            evidence.Add(Sentences.Get("evidence.ignore-loglevel"));
            return new(id, CheckStatus.Pass, evidence, "");
        }
        if (host.SysctlInt("kernel.printk") is not { } level)
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.console.14"));
        // A message reaches the console when its level is below console_loglevel; oops_begin() raises the level
        // (console_verbose) for the oops itself, but warnings printed before it need console_loglevel >= 5.
        evidence.Add(Sentences.Format("evidence.loglevel", level));
        return level >= 5
            ? new(id, CheckStatus.Pass, evidence, "")
            : new(id, CheckStatus.Warn, evidence,
                Sentences.Get("fix.console.16"));
    }
}
