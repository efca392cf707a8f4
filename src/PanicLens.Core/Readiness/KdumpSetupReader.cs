using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>Reads the kdump configuration of a host according to its distribution family's layout.</summary>
public static class KdumpSetupReader
{
    /// <summary>kdump.conf directives that name the dump target (kexec-tools kdump.conf(5)).</summary>
    private static readonly string[] RhelTargets = ["ext2", "ext3", "ext4", "xfs", "btrfs", "minix", "nfs", "nfs4", "ssh", "raw"];

    /// <summary>systemd targets a kdump unit is usually wanted by.</summary>
    private static readonly string[] WantsDirectories =
    [
        "/etc/systemd/system/multi-user.target.wants",
        "/etc/systemd/system/basic.target.wants",
        "/etc/systemd/system/default.target.wants",
        "/etc/systemd/system/sysinit.target.wants",
    ];

    /// <summary>SysV runlevel 3 link directories (RHEL, then Debian/SUSE layout).</summary>
    private static readonly string[] RunlevelDirectories = ["/etc/rc.d/rc3.d", "/etc/rc3.d"];

    public static KdumpSetup Read(HostTree tree, Distro distro)
    {
        var layout = KdumpLayout.For(distro.Family);
        return layout.Family switch
        {
            DistroFamily.Debian => ReadDebian(tree, layout),
            DistroFamily.Suse => ReadSuse(tree, layout),
            _ => ReadRhel(tree, layout),
        };
    }

    private static KdumpSetup ReadRhel(HostTree tree, KdumpLayout layout)
    {
        var evidence = new List<string>();
        var conf = tree.ReadOptional("/etc/kdump.conf");
        var sysconfig = ShellVariables.Parse(tree.ReadOptional("/etc/sysconfig/kdump").Text);
        string kind = "local", path = layout.DefaultPath, collector = layout.DefaultCollector;
        string? device = null;
        var directives = 0;
        foreach (var raw in (conf.Text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var space = line.IndexOfAny([' ', '\t']);
            var (key, value) = space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
            directives++;
            if (key == "path")
                path = value;
            else if (key == "core_collector")
                collector = value;
            else if (RhelTargets.Contains(key))
            {
                kind = key is "nfs" or "nfs4" or "ssh" or "raw" ? (key == "nfs4" ? "nfs" : key) : "local";
                device = value;
            }
        }
        var configPath = conf.Readable ? conf.Path : null;
        var defaults = directives == 0 ? Sentences.Get("evidence.kdump-conf.defaults") : "";
        evidence.Add(configPath is null ? Sentences.Format("evidence.not-installed", "/etc/kdump.conf", "kexec-tools") : $"{conf.Path}: target {kind}{(device is null ? "" : " " + device)}, path {path}, core_collector {collector}{defaults}");
        var enabled = ServiceEnabled(tree, layout, evidence);
        return new KdumpSetup(layout, configPath, enabled, kind, path, device, collector, sysconfig.GetValueOrDefault("KEXEC_ARGS", ""), evidence);
    }

    private static KdumpSetup ReadDebian(HostTree tree, KdumpLayout layout)
    {
        var evidence = new List<string>();
        var file = tree.ReadOptional("/etc/default/kdump-tools");
        var vars = ShellVariables.Parse(file.Text);
        var remote = vars.GetValueOrDefault("SSH") is { Length: > 0 } ssh ? ("ssh", ssh)
            : vars.GetValueOrDefault("NFS") is { Length: > 0 } nfs ? ("nfs", nfs) : ("local", (string?)null);
        var path = vars.GetValueOrDefault("KDUMP_COREDIR") is { Length: > 0 } dir ? dir : layout.DefaultPath;
        var collector = "makedumpfile " + vars.GetValueOrDefault("MAKEDUMP_ARGS", "-c -d 31");
        bool? enabled = null;
        if (!file.Readable)
            evidence.Add(Sentences.Format("evidence.not-installed", "/etc/default/kdump-tools", "kdump-tools"));
        else
        {
            var use = vars.GetValueOrDefault("USE_KDUMP", "0");
            evidence.Add($"{file.Path}: USE_KDUMP={use}, KDUMP_COREDIR={path}, MAKEDUMP_ARGS={collector["makedumpfile ".Length..]}");
            enabled = use == "1" && ServiceEnabled(tree, layout, evidence) != false;
        }
        return new KdumpSetup(layout, file.Readable ? file.Path : null, enabled, remote.Item1, path, remote.Item2, collector,
            vars.GetValueOrDefault("KDUMP_KEXEC_ARGS", ""), evidence);
    }

    private static KdumpSetup ReadSuse(HostTree tree, KdumpLayout layout)
    {
        var evidence = new List<string>();
        var file = tree.ReadOptional("/etc/sysconfig/kdump");
        var vars = ShellVariables.Parse(file.Text);
        var saveDir = vars.GetValueOrDefault("KDUMP_SAVEDIR", "file://" + layout.DefaultPath);
        var scheme = saveDir.Contains("://", StringComparison.Ordinal) ? saveDir[..saveDir.IndexOf("://", StringComparison.Ordinal)] : "file";
        var kind = scheme switch { "file" => "local", "nfs" => "nfs", "ssh" or "sftp" => "ssh", _ => scheme };
        var path = scheme == "file" ? saveDir["file://".Length..] : saveDir;
        var collector = "makedumpfile -d " + vars.GetValueOrDefault("KDUMP_DUMPLEVEL", "31");
        evidence.Add(file.Readable ? $"{file.Path}: KDUMP_SAVEDIR={saveDir}, KDUMP_DUMPLEVEL={collector["makedumpfile -d ".Length..]}" : Sentences.Format("evidence.not-installed", "/etc/sysconfig/kdump", "kdump"));
        var enabled = ServiceEnabled(tree, layout, evidence);
        return new KdumpSetup(layout, file.Readable ? file.Path : null, enabled, kind, path, kind == "local" ? null : saveDir, collector,
            vars.GetValueOrDefault("KEXEC_OPTIONS", ""), evidence);
    }

    /// <summary>
    /// Whether the service starts at boot: a systemd *.wants link, or a SysV S?? link in runlevel 3.
    /// Null when neither init system's directories could be read.
    /// </summary>
    private static bool? ServiceEnabled(HostTree tree, KdumpLayout layout, List<string> evidence)
    {
        if (tree.Exists("/etc/systemd/system"))
        {
            foreach (var dir in WantsDirectories)
            {
                foreach (var service in layout.Services)
                {
                    if (tree.Exists($"{dir}/{service}.service"))
                    {
                        evidence.Add($"{dir}/{service}.service: present (enabled)");
                        return true;
                    }
                }
            }
            evidence.Add($"/etc/systemd/system/*.target.wants: no {layout.Services[0]}.service link (not enabled)");
            return false;
        }
        foreach (var dir in RunlevelDirectories)
        {
            var entries = tree.List(dir);
            if (entries.Count == 0)
                continue;
            var link = entries.FirstOrDefault(e => layout.Services.Any(s => e.Length == s.Length + 3 && e.EndsWith(s, StringComparison.Ordinal)));
            evidence.Add(link is null ? Sentences.Format("evidence.service.no-link", dir, layout.Services[0])
                : Sentences.Format(link[0] == 'S' ? "evidence.service.starts" : "evidence.service.off", $"{dir}/{link}"));
            return link is not null && link[0] == 'S';
        }
        evidence.Add(Sentences.Get("evidence.service.no-dirs"));
        return null;
    }
}
