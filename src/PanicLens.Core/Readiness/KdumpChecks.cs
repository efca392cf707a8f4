using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>
/// Will this host leave a vmcore: memory reserved and big enough, a crash kernel loaded, the service enabled,
/// a dump target. "Configured" is not "will dump": each item reads what the kernel says, not only the config.
/// </summary>
public static class KdumpChecks
{
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
                ? Sentences.Format(xenValue is null ? "evidence.xen-line.no-crashkernel" : "evidence.xen-line.crashkernel", boot.ConfigPath, xenValue)
                : Sentences.Get("evidence.no-xen-line"));
            if (host.Facts.Boot?.XenLine is null)
                return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdump.1"));
            if (xenValue is null)
                return new(id, CheckStatus.Fail, evidence, Sentences.Format("sentence.then", Sentences.Get("fix.kdump.2"), Sentences.Get("fix.plan-hint")));
            return SizeVerdict(id, host, CrashKernelSize.Reserves(xenValue, host.RamBytes ?? 0), evidence);
        }
        var size = host.Tree.Read("/sys/kernel/kexec_crash_size");
        evidence.Add(host.Show(size));
        if (!size.Readable || !long.TryParse(size.Value, out var reserved))
        {
            return !cmdline.Readable || requested is not null
                ? new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdump.3"))
                : new(id, CheckStatus.Fail, evidence, Sentences.Format("sentence.then", Sentences.Get("fix.kdump.4"), Sentences.Get("fix.plan-hint")));
        }
        if (reserved == 0)
        {
            var why = requested is null
                ? Sentences.Get("fix.kdump.4")
                : Sentences.Format("fix.kdump.reserved-nothing", requested);
            return new(id, CheckStatus.Fail, evidence, Sentences.Format("sentence.then", why, Sentences.Get("fix.plan-hint")));
        }
        return SizeVerdict(id, host, reserved, evidence);
    }

    private static CheckResult SizeVerdict(string id, HostContext host, long? reserved, List<string> evidence)
    {
        var meminfo = host.Tree.Read("/proc/meminfo");
        if (host.RamBytes is not { } ram)
        {
            evidence.Add(host.Show(meminfo, "no MemTotal"));
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdump.5"));
        }
        var recommended = CrashKernelSize.RecommendedBytes(ram);
        evidence.Add(Sentences.Format("evidence.meminfo.recommended", ram >> 20, CrashKernelSize.Format(recommended), Sentences.Translate(CrashKernelSize.RecommendedWhy(ram))));
        if (reserved is null)
            return new(id, CheckStatus.Warn, evidence, Sentences.Format("fix.kdump.6", CrashKernelSize.Format(recommended)));
        evidence.Add($"reserved {reserved >> 20} MiB");
        if (reserved == 0)
            return new(id, CheckStatus.Fail, evidence, Sentences.Format("fix.kdump.7", CrashKernelSize.Format(recommended)));
        if (reserved >= recommended)
            return new(id, CheckStatus.Pass, evidence, "");
        var status = reserved >= (long)CrashKernelSize.MinimumMiB << 20 ? CheckStatus.Warn : CheckStatus.Fail;
        return new(id, status, evidence, Sentences.Format("fix.kdump.raise", CrashKernelSize.Format(recommended)));
    }

    /// <summary>The verdict when neither the distribution nor any kdump configuration could be read.</summary>
    public static CheckResult UnknownTooling(string id) =>
        new(id, CheckStatus.Unknown,
            ["/etc/os-release: unreadable or unknown distribution; no /etc/kdump.conf, /etc/default/kdump-tools or /etc/sysconfig/kdump"],
            Sentences.Get("fix.kdump.tooling"));

    public static CheckResult Loaded(HostContext host)
    {
        const string id = "kdump.loaded";
        var file = host.Tree.Read("/sys/kernel/kexec_crash_loaded");
        var evidence = new List<string> { host.Show(file) };
        if (host.XenDom0)
            evidence.Add(Sentences.Get("evidence.loaded.xen"));
        return host.CrashKernelLoaded switch
        {
            true => new(id, CheckStatus.Pass, evidence, ""),
            false => new(id, CheckStatus.Fail, evidence,
                Sentences.Format("sentence.then", Sentences.Get("fix.kdump.10"), Sentences.Get("fix.plan-hint"))),
            null => new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdump.11")),
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
            return new(id, CheckStatus.Fail, evidence, Sentences.Format("sentence.then", Sentences.Format("fix.kdump.12", service), Sentences.Get("fix.plan-hint")));
        return kdump.Enabled switch
        {
            true => new(id, CheckStatus.Pass, evidence, ""),
            false => new(id, CheckStatus.Fail, evidence,
                Sentences.Format("fix.kdump.14", service, service)),
            null => new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdump.15")),
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
            return new(id, CheckStatus.Fail, evidence, Sentences.Format("sentence.then", Sentences.Get("fix.kdump.16"), Sentences.Get("fix.plan-hint")));
        if (kdump.TargetKind is "nfs" or "ssh")
        {
            evidence.Add(Sentences.Format("evidence.target.remote", kdump.ConfigPath, kdump.TargetKind, kdump.TargetDevice, kdump.TargetPath));
            return new(id, CheckStatus.Warn, evidence,
                Sentences.Get("fix.kdump.17"));
        }
        if (kdump.TargetKind == "raw" || kdump.TargetDevice is not null)
        {
            evidence.Add(Sentences.Format("evidence.target.device", kdump.ConfigPath, kdump.TargetKind, kdump.TargetDevice));
            return new(id, CheckStatus.Pass, evidence, "");
        }
        if (!host.Tree.Exists(kdump.TargetPath))
        {
            evidence.Add(Sentences.Format("evidence.not-found", kdump.TargetPath));
            return new(id, CheckStatus.Warn, evidence, Sentences.Format("fix.kdump.19", kdump.TargetPath));
        }
        return FreeSpaceVerdict(id, host, evidence);
    }

    private static CheckResult FreeSpaceVerdict(string id, HostContext host, List<string> evidence)
    {
        var kdump = host.Kdump;
        var free = host.Tree.FreeBytes(kdump.TargetPath);
        if (free is null || host.RamBytes is not { } ram)
        {
            evidence.Add(Sentences.Format(host.Tree.IsLive ? "evidence.target.free-unreadable" : "evidence.target.free-not-measured", kdump.TargetPath));
            return new(id, CheckStatus.Pass, evidence, "");
        }
        // A filtered (-d 31) dump is usually a small fraction of RAM; a quarter is a cautious bound [inference].
        var filtered = KdumpCaptureChecks.DumpLevel(kdump.Collector) is >= 17;
        var expected = filtered ? ram / 4 : ram;
        evidence.Add(Sentences.Format(filtered ? "evidence.target.free.filtered" : "evidence.target.free.unfiltered", kdump.TargetPath, free >> 20, expected >> 20));
        return free >= expected
            ? new(id, CheckStatus.Pass, evidence, "")
            : new(id, CheckStatus.Warn, evidence, Sentences.Format("fix.kdump.22", kdump.TargetPath));
    }
}
