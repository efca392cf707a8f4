namespace PanicLens.Readiness;

/// <summary>
/// Will this host leave a vmcore: memory reserved and big enough, a crash kernel loaded, the service enabled,
/// a dump target. "Configured" is not "will dump": each item reads what the kernel says, not only the config.
/// </summary>
public static class KdumpChecks
{
    private const string PlanHint = "`paniclens kdump plan` prints the steps for this host.";

    public static CheckResult Reserved(HostContext host)
    {
        const string id = "kdump.reserved";
        var evidence = new List<string>();
        var cmdline = host.Tree.Read("/proc/cmdline");
        var requested = KernelCommandLine.Last(cmdline.Value, "crashkernel");
        evidence.Add(host.Show(cmdline, requested is null ? "no crashkernel=" : "crashkernel=" + requested));
        if (host.XenDom0)
        {
            // Dom0's own reservation is pseudo-physical memory Xen cannot use; only the xen.gz line counts.
            var xenValue = KernelCommandLine.Last(host.Facts.Xen.CommandLine, "crashkernel");
            evidence.Add(host.Facts.Boot is { XenLine: not null } boot
                ? $"{boot.ConfigPath}: hypervisor line {(xenValue is null ? "has no crashkernel=" : "crashkernel=" + xenValue)}"
                : "boot loader: no hypervisor (xen.gz) line found");
            if (host.Facts.Boot?.XenLine is null)
                return new(id, CheckStatus.Unknown, evidence, "Copy the boot loader config (/boot/grub*/) so the hypervisor line can be read.");
            if (xenValue is null)
                return new(id, CheckStatus.Fail, evidence, "Reserve memory on the hypervisor line (see xen.crashkernel). " + PlanHint);
            return SizeVerdict(id, host, CrashKernelSize.Reserves(xenValue, host.RamBytes ?? 0), evidence);
        }
        var size = host.Tree.Read("/sys/kernel/kexec_crash_size");
        evidence.Add(host.Show(size));
        if (!size.Readable || !long.TryParse(size.Value, out var reserved))
        {
            return !cmdline.Readable || requested is not null
                ? new(id, CheckStatus.Unknown, evidence, "Read /sys/kernel/kexec_crash_size (or the 'Crash kernel' line of /proc/iomem) to see what was reserved.")
                : new(id, CheckStatus.Fail, evidence, "Add crashkernel= to the kernel command line and reboot. " + PlanHint);
        }
        if (reserved == 0)
        {
            var why = requested is null
                ? "Add crashkernel= to the kernel command line and reboot. "
                : $"crashkernel={requested} reserved nothing (auto below its RAM threshold, or no room at the requested place): give an explicit size and reboot. ";
            return new(id, CheckStatus.Fail, evidence, why + PlanHint);
        }
        return SizeVerdict(id, host, reserved, evidence);
    }

    private static CheckResult SizeVerdict(string id, HostContext host, long? reserved, List<string> evidence)
    {
        var meminfo = host.Tree.Read("/proc/meminfo");
        if (host.RamBytes is not { } ram)
        {
            evidence.Add(host.Show(meminfo, "no MemTotal"));
            return new(id, CheckStatus.Unknown, evidence, "Read /proc/meminfo to judge whether the reservation is big enough.");
        }
        var recommended = CrashKernelSize.RecommendedBytes(ram);
        evidence.Add($"/proc/meminfo: MemTotal {ram >> 20} MiB; recommended reservation {CrashKernelSize.Format(recommended)} ({CrashKernelSize.RecommendedWhy(ram)})");
        if (reserved is null)
            return new(id, CheckStatus.Warn, evidence, $"Replace crashkernel=auto with an explicit size of at least {CrashKernelSize.Format(recommended)}.");
        evidence.Add($"reserved {reserved >> 20} MiB");
        if (reserved == 0)
            return new(id, CheckStatus.Fail, evidence, $"The crashkernel= ranges reserve nothing for this RAM size; use crashkernel={CrashKernelSize.Format(recommended)}.");
        if (reserved >= recommended)
            return new(id, CheckStatus.Pass, evidence, "");
        var status = reserved >= (long)CrashKernelSize.MinimumMiB << 20 ? CheckStatus.Warn : CheckStatus.Fail;
        return new(id, status, evidence, $"Raise crashkernel= to {CrashKernelSize.Format(recommended)}: a capture kernel that runs out of memory writes no vmcore (`kdumpctl estimate` gives a per-host figure on RHEL 8+).");
    }

    /// <summary>The verdict when neither the distribution nor any kdump configuration could be read.</summary>
    public static CheckResult UnknownTooling(string id) =>
        new(id, CheckStatus.Unknown,
            ["/etc/os-release: unreadable or unknown distribution; no /etc/kdump.conf, /etc/default/kdump-tools or /etc/sysconfig/kdump"],
            "Copy /etc/os-release and the kdump configuration so the tooling can be judged.");

    public static CheckResult Loaded(HostContext host)
    {
        const string id = "kdump.loaded";
        var file = host.Tree.Read("/sys/kernel/kexec_crash_loaded");
        var evidence = new List<string> { host.Show(file) };
        if (host.XenDom0)
            evidence.Add("Xen Dom0: with Xen >= 4.4 kexec-tools loads the image into the hypervisor; `xl dmesg` and the Xen 'C' debug key tell whether Xen holds one");
        return host.CrashKernelLoaded switch
        {
            true => new(id, CheckStatus.Pass, evidence, ""),
            false => new(id, CheckStatus.Fail, evidence,
                "No crash kernel is loaded: a panic now leaves no vmcore. Start the kdump service (`kdumpctl start`, `kdump-config load`) and read its error. " + PlanHint),
            null => new(id, CheckStatus.Unknown, evidence, "Read /sys/kernel/kexec_crash_loaded (kernel 2.6.30+) to see whether a crash kernel is loaded."),
        };
    }

    public static CheckResult Service(HostContext host)
    {
        const string id = "kdump.service";
        var kdump = host.Kdump;
        var evidence = kdump.Evidence.ToList();
        var service = kdump.Layout.Services[0];
        if (kdump.Undetermined)
            return KdumpChecks.UnknownTooling(id);
        if (!kdump.Installed)
            return new(id, CheckStatus.Fail, evidence, $"Install and configure the kdump tooling ({service}). " + PlanHint);
        return kdump.Enabled switch
        {
            true => new(id, CheckStatus.Pass, evidence, ""),
            false => new(id, CheckStatus.Fail, evidence,
                $"Enable the service so the crash kernel is loaded at every boot: `systemctl enable --now {service}` (SysV: `chkconfig {service} on`)."),
            null => new(id, CheckStatus.Unknown, evidence, "Copy /etc/systemd/system (or /etc/rc.d) so the service state can be read."),
        };
    }

    public static CheckResult Target(HostContext host)
    {
        const string id = "kdump.target";
        var kdump = host.Kdump;
        var evidence = kdump.Evidence.Take(1).ToList();
        if (kdump.Undetermined)
            return KdumpChecks.UnknownTooling(id);
        if (!kdump.Installed)
            return new(id, CheckStatus.Fail, evidence, "No dump target: kdump is not configured. " + PlanHint);
        if (kdump.TargetKind is "nfs" or "ssh")
        {
            evidence.Add($"{kdump.ConfigPath}: remote {kdump.TargetKind} target {kdump.TargetDevice}:{kdump.TargetPath}; reachability and free space are not probed from here");
            return new(id, CheckStatus.Warn, evidence,
                "Confirm the capture initramfs can reach the target (NICs and the nfs module in it) and it has free space of about the host's RAM; `kdumpctl test` proves it.");
        }
        if (kdump.TargetKind == "raw" || kdump.TargetDevice is not null)
        {
            evidence.Add($"{kdump.ConfigPath}: {kdump.TargetKind} device {kdump.TargetDevice}; its free space is not visible from the running system's tree");
            return new(id, CheckStatus.Pass, evidence, "");
        }
        if (!host.Tree.Exists(kdump.TargetPath))
        {
            evidence.Add($"{kdump.TargetPath}: not found");
            return new(id, CheckStatus.Warn, evidence, $"Create {kdump.TargetPath} on a file system with free space of about the host's RAM.");
        }
        return FreeSpaceVerdict(id, host, evidence);
    }

    private static CheckResult FreeSpaceVerdict(string id, HostContext host, List<string> evidence)
    {
        var kdump = host.Kdump;
        var free = host.Tree.FreeBytes(kdump.TargetPath);
        if (free is null || host.RamBytes is not { } ram)
        {
            evidence.Add($"{kdump.TargetPath}: exists; free space {(host.Tree.IsLive ? "unreadable" : "not measured in a copied tree")}");
            return new(id, CheckStatus.Pass, evidence, "");
        }
        // A filtered (-d 31) dump is usually a small fraction of RAM; a quarter is a cautious bound [inference].
        var filtered = KdumpCaptureChecks.DumpLevel(kdump.Collector) is >= 17;
        var expected = filtered ? ram / 4 : ram;
        evidence.Add($"{kdump.TargetPath}: {free >> 20} MiB free; expected dump up to {expected >> 20} MiB ({(filtered ? "filtered, a quarter of RAM" : "unfiltered, all of RAM")}; `makedumpfile --mem-usage /proc/kcore` gives the real figure)");
        return free >= expected
            ? new(id, CheckStatus.Pass, evidence, "")
            : new(id, CheckStatus.Warn, evidence, $"Free space on {kdump.TargetPath} or point `path` at a larger file system.");
    }
}
