using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>
/// Will the capture itself work: an initramfs built after the kernel and config it serves, makedumpfile
/// filtering, lockdown vs kexec_file_load, and proof of a past dump.
/// </summary>
public static class KdumpCaptureChecks
{
    // makedumpfile(8) dump level bits: 1 zero, 2 cache, 4 cache private, 8 user, 16 free pages.
    private const int UserAndFreePages = 8 | 16;

    public static CheckResult Initramfs(HostContext host)
    {
        const string id = "kdump.initramfs";
        var release = host.Facts.KernelRelease;
        if (release is null)
            return new(id, CheckStatus.Unknown, ["/proc/sys/kernel/osrelease: unreadable"], Sentences.Get("fix.initramfs.release"));
        var kdump = host.Kdump;
        var candidates = kdump.Layout.Initramfs.Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p, release)).ToList();
        var found = candidates.FirstOrDefault(host.Tree.Exists);
        if (found is null || host.Tree.LastWriteUtc(found) is not { } built)
        {
            if (kdump.Undetermined)
                return KdumpChecks.UnknownTooling(id);
            var fix = kdump.Installed
                ? Sentences.Get("fix.initramfs.build")
                : Sentences.Get("fix.initramfs.install");
            return new(id, CheckStatus.Fail, [Sentences.Format("evidence.not-found", string.Join(", ", candidates))], fix);
        }
        var evidence = new List<string> { $"{found}: built {built:yyyy-MM-dd HH:mm} UTC" };
        var stale = new List<string>();
        foreach (var input in (string[])[$"/boot/vmlinuz-{release}", .. kdump.Layout.ConfigFiles])
        {
            if (host.Tree.LastWriteUtc(input) is not { } changed)
                continue;
            evidence.Add($"{input}: modified {changed:yyyy-MM-dd HH:mm} UTC");
            if (changed > built)
                stale.Add(input);
        }
        return stale.Count == 0
            ? new(id, CheckStatus.Pass, evidence, "")
            : new(id, CheckStatus.Warn, evidence,
                Sentences.Format("fix.kdumpcapture.2", string.Join(", ", stale)));
    }

    public static CheckResult Filter(HostContext host)
    {
        const string id = "kdump.filter";
        var kdump = host.Kdump;
        if (kdump.Undetermined)
            return KdumpChecks.UnknownTooling(id);
        if (!kdump.Installed)
            return new(id, CheckStatus.Fail, kdump.Evidence.Take(1).ToList(), Sentences.Get("fix.filter.none"));
        var evidence = new List<string> { $"{kdump.ConfigPath}: core collector \"{kdump.Collector}\"" };
        if (!kdump.Collector.Contains("makedumpfile", StringComparison.Ordinal))
            return new(id, CheckStatus.Warn, evidence,
                Sentences.Get("fix.kdumpcapture.3"));
        var level = DumpLevel(kdump.Collector);
        evidence.Add(level is null ? Sentences.Get("evidence.dump-level.none") : Sentences.Format("evidence.dump-level", level));
        if (level is null || (level & UserAndFreePages) != UserAndFreePages)
            return new(id, CheckStatus.Warn, evidence, Sentences.Get("fix.kdumpcapture.4"));
        if (host.XenDom0 && !kdump.Collector.Contains("-X", StringComparison.Ordinal))
        {
            evidence.Add(Sentences.Get("evidence.capture.xen"));
            return new(id, CheckStatus.Warn, evidence, Sentences.Get("fix.kdumpcapture.5"));
        }
        return new(id, CheckStatus.Pass, evidence, "");
    }

    /// <summary>The makedumpfile dump level (-d N, -dN, --dump-level N), or null when none is given.</summary>
    public static int? DumpLevel(string collector)
    {
        var words = collector.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var value = words[i] is "-d" or "--dump-level" && i + 1 < words.Length ? words[i + 1]
                : words[i].StartsWith("-d", StringComparison.Ordinal) && words[i].Length > 2 ? words[i][2..] : null;
            if (value is not null && int.TryParse(value, out var level))
                return level;
        }
        return null;
    }

    public static CheckResult Lockdown(HostContext host)
    {
        const string id = "kdump.lockdown";
        var evidence = new List<string>();
        var lockdownFile = host.Tree.ReadOptional("/sys/kernel/security/lockdown");
        var lockdown = LockdownMode(lockdownFile.Value);
        evidence.Add(lockdownFile.Readable ? host.Show(lockdownFile) : Sentences.Format("evidence.lockdown.none", lockdownFile.Path, lockdownFile.Problem));
        var secureBoot = SecureBoot(host, evidence);
        if (lockdown is null && secureBoot is null)
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdumpcapture.7"));
        var restricted = lockdown is "integrity" or "confidentiality" || secureBoot == true;
        if (!restricted)
        {
            return lockdownFile.Readable || secureBoot == false
                ? new(id, CheckStatus.Pass, evidence, "")
                : new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.kdumpcapture.9"));
        }
        var kexecArgs = host.Kdump.KexecArgs;
        evidence.Add($"kexec arguments \"{kexecArgs}\"");
        if (KernelCommandLine.Words(kexecArgs).Contains("-s") || host.CrashKernelLoaded == true)
            return new(id, CheckStatus.Pass, evidence, "");
        return new(id, CheckStatus.Warn, evidence,
            Sentences.Get("fix.kdumpcapture.11"));
    }

    private static string? LockdownMode(string? text)
    {
        if (text is null)
            return null;
        var open = text.IndexOf('[');
        var close = text.IndexOf(']');
        return open >= 0 && close > open ? text[(open + 1)..close] : null;
    }

    // EFI variable file: 4 bytes of attributes, then the value; SecureBoot is one byte, 1 = enabled.
    private static bool? SecureBoot(HostContext host, List<string> evidence)
    {
        const string variable = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";
        if (!host.Tree.Exists("/sys/firmware"))
        {
            evidence.Add(Sentences.Format("evidence.not-found", "/sys/firmware"));
            return null;
        }
        if (!host.Tree.Exists("/sys/firmware/efi"))
        {
            evidence.Add(Sentences.Get("evidence.efi.none"));
            return false;
        }
        var file = host.Tree.Read(variable);
        if (file.Text is not { Length: >= 5 } bytes)
        {
            evidence.Add(host.Show(file, Sentences.Get("evidence.too-short")));
            return null;
        }
        evidence.Add(Sentences.Format(bytes[4] == '\u0001' ? "evidence.secure-boot.on" : "evidence.secure-boot.off", variable));
        return bytes[4] == '\u0001';
    }

    public static CheckResult LastTest(HostContext host)
    {
        const string id = "kdump.lasttest";
        var kdump = host.Kdump;
        var evidence = new List<string>();
        if (kdump.Layout.TestStatusFile is { } statusPath && host.Tree.ReadOptional(statusPath).Value is { Length: > 0 } status)
        {
            evidence.Add($"{statusPath}: \"{status}\"");
            if (status.Contains("success", StringComparison.OrdinalIgnoreCase))
                return new(id, CheckStatus.Pass, evidence, "");
            if (status.Contains("fail", StringComparison.OrdinalIgnoreCase))
                return new(id, CheckStatus.Fail, evidence, Sentences.Get("fix.kdumpcapture.13"));
        }
        var dumps = FindDumps(host, kdump.TargetPath);
        if (dumps.Count > 0)
        {
            evidence.Add(Sentences.Format("evidence.dumps", kdump.TargetPath, dumps.Count, dumps[^1]));
            return new(id, CheckStatus.Pass, evidence, "");
        }
        evidence.Add(kdump.TargetKind == "local" ? Sentences.Format("evidence.dumps.none", kdump.TargetPath)
            : Sentences.Format("evidence.dumps.remote", kdump.ConfigPath, kdump.TargetKind, kdump.TargetDevice));
        return new(id, CheckStatus.Warn, evidence,
            Sentences.Get("fix.kdumpcapture.15"));
    }

    /// <summary>Dump directories under the target path: RHEL/SUSE write */vmcore, kdump-tools writes */dump.*.</summary>
    private static List<string> FindDumps(HostContext host, string path)
    {
        var found = new List<string>();
        foreach (var dir in host.Tree.List(path))
        {
            var files = host.Tree.List($"{path}/{dir}");
            if (files.Any(f => f == "vmcore" || f.StartsWith("dump.", StringComparison.Ordinal) || f == "vmcore.flat"))
                found.Add($"{path}/{dir}");
        }
        return found;
    }
}
