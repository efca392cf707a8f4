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
            return new(id, CheckStatus.Unknown, ["boot loader: no hypervisor (xen.gz) line found in /boot/grub*/"], Sentences.Get("fix.xen.boot-config"));
        var onXen = KernelCommandLine.Last(boot.XenLine, "crashkernel");
        var onDom0 = KernelCommandLine.Last(boot.KernelLine, "crashkernel") ?? KernelCommandLine.Last(host.Facts.CommandLine, "crashkernel");
        var evidence = new List<string>
        {
            $"{boot.ConfigPath}: hypervisor line {(onXen is null ? "has no crashkernel=" : "crashkernel=" + onXen)}",
            $"{boot.ConfigPath} and /proc/cmdline: Dom0 line {(onDom0 is null ? "has no crashkernel=" : "crashkernel=" + onDom0)}",
        };
        var iomem = host.Tree.ReadOptional("/proc/iomem");
        if (iomem.Text is { } text)
            evidence.Add($"/proc/iomem: {(text.Contains("Crash kernel", StringComparison.Ordinal) ? "has a 'Crash kernel' range" : "no 'Crash kernel' range")}");
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
            evidence.Add("Xen >= 4.4 calls kexec_crash() when Dom0 crashes ('Executing crash image'); load the image with kexec-tools >= 2.0.5");
            return new(id, CheckStatus.Pass, evidence, "");
        }
        evidence.Add($"Xen {host.Facts.Xen.Version} handles a Dom0 crash with 'Domain 0 crashed' and a halt or reboot, never kexec; only a hypervisor panic or the 'C' debug key reaches the crash kernel (classic xenlinux kernels that issue the kexec hypercall themselves are the exception)");
        return new(id, CheckStatus.Fail, evidence,
            Sentences.Get("fix.xen.4"));
    }

    public static CheckResult Reboot(HostContext host)
    {
        const string id = "xen.reboot";
        var xenLine = host.Facts.Xen.CommandLine;
        if (xenLine is null)
            return new(id, CheckStatus.Unknown, ["boot loader: no hypervisor (xen.gz) line found"], Sentences.Get("fix.xen.boot-config-reboot"));
        var noreboot = KernelCommandLine.Has(xenLine, "noreboot") || KernelCommandLine.Last(xenLine, "reboot") is "no" or "n";
        var watchdog = KernelCommandLine.Has(xenLine, "watchdog");
        var evidence = new List<string>
        {
            $"{host.Facts.Boot!.ConfigPath}: hypervisor line {(noreboot ? "has noreboot: after a Dom0 crash Xen prints \"'noreboot' set - not rebooting\" and halts until a power cycle" : "has no noreboot: Xen reboots 5 s after a Dom0 crash (not a dump cut short)")}",
            $"{host.Facts.Boot!.ConfigPath}: {(watchdog ? "watchdog on: a stuck pCPU panics the hypervisor (which does try kexec)" : "no Xen watchdog")}",
        };
        var dumps = KernelCommandLine.Has(xenLine, "crashkernel") && host.Facts.Xen.ParsedVersion?.CompareTo(FirstDom0Kexec) >= 0;
        if (noreboot && !dumps)
            return new(id, CheckStatus.Warn, evidence,
                Sentences.Get("fix.xen.5"));
        return new(id, CheckStatus.Pass, evidence, "");
    }
}
