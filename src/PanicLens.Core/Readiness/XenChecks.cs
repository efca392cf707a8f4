using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>
/// On a Xen Dom0 the hypervisor, not Dom0, decides what a Dom0 crash does (xen/common/shutdown.c): where the
/// crash region is reserved, whether this Xen kexecs on a Dom0 crash at all, and whether it reboots.
/// </summary>
public static class XenChecks
{
    /// <summary>Xen commit d5cb49fb72 ("kexec crash image when dom0 crashes") first shipped in 4.4.</summary>
    private static readonly (int Major, int Minor) FirstDom0Kexec = (4, 4);

    public static CheckResult CrashKernel(HostContext host)
    {
        const string id = "xen.crashkernel";
        var boot = host.Facts.Boot;
        if (boot?.XenLine is null)
            return new(id, CheckStatus.Unknown, [Sentences.Get("evidence.no-xen-line.grub")], Sentences.Get("fix.xen.boot-config"));
        var onXen = KernelCommandLine.Last(boot.XenLine, "crashkernel");
        var onDom0 = KernelCommandLine.Last(boot.KernelLine, "crashkernel") ?? KernelCommandLine.Last(host.Facts.CommandLine, "crashkernel");
        var evidence = new List<string>
        {
            Sentences.Format(onXen is null ? "evidence.xen-line.no-crashkernel" : "evidence.xen-line.crashkernel", boot.ConfigPath, onXen),
            Sentences.Format(onDom0 is null ? "evidence.dom0-line.no-crashkernel" : "evidence.dom0-line.crashkernel", boot.ConfigPath, onDom0),
        };
        var iomem = host.Tree.ReadOptional("/proc/iomem");
        if (iomem.Text is { } text)
            evidence.Add(Sentences.Get(text.Contains("Crash kernel", StringComparison.Ordinal) ? "evidence.iomem.range" : "evidence.iomem.none"));
        if (onXen is not null)
            return new(id, CheckStatus.Pass, evidence, "");
        var fix = onDom0 is not null
            ? Sentences.Format("fix.xen.move", onDom0)
            : Sentences.Get("fix.xen.add");
        return new(id, CheckStatus.Fail, evidence, fix);
    }

    public static CheckResult Kexec(HostContext host)
    {
        const string id = "xen.kexec";
        var version = host.Facts.Xen.ParsedVersion;
        var evidence = new List<string> { $"/sys/hypervisor/version: {host.Facts.Xen.Version ?? "unreadable"}" };
        if (version is null)
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.xen.2"));
        if (version.Value.CompareTo(FirstDom0Kexec) >= 0)
        {
            evidence.Add(Sentences.Get("evidence.xen.kexec"));
            return new(id, CheckStatus.Pass, evidence, "");
        }
        evidence.Add(Sentences.Format("evidence.xen.no-kexec", host.Facts.Xen.Version));
        return new(id, CheckStatus.Fail, evidence,
            Sentences.Get("fix.xen.4"));
    }

    public static CheckResult Reboot(HostContext host)
    {
        const string id = "xen.reboot";
        var xenLine = host.Facts.Xen.CommandLine;
        if (xenLine is null)
            return new(id, CheckStatus.Unknown, [Sentences.Get("evidence.no-xen-line")], Sentences.Get("fix.xen.boot-config-reboot"));
        var noreboot = KernelCommandLine.Has(xenLine, "noreboot") || KernelCommandLine.Last(xenLine, "reboot") is "no" or "n";
        var watchdog = KernelCommandLine.Has(xenLine, "watchdog");
        var evidence = new List<string>
        {
            Sentences.Format(noreboot ? "evidence.xen.noreboot" : "evidence.xen.reboot", host.Facts.Boot!.ConfigPath),
            Sentences.Format(watchdog ? "evidence.xen.watchdog" : "evidence.xen.no-watchdog", host.Facts.Boot!.ConfigPath),
        };
        var dumps = KernelCommandLine.Has(xenLine, "crashkernel") && host.Facts.Xen.ParsedVersion?.CompareTo(FirstDom0Kexec) >= 0;
        if (noreboot && !dumps)
            return new(id, CheckStatus.Warn, evidence,
                Sentences.Get("fix.xen.5"));
        return new(id, CheckStatus.Pass, evidence, "");
    }
}
