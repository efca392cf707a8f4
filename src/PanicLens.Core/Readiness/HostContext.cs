using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>What the readiness checks judge: the host's facts, its files, and its kdump setup read once.</summary>
public sealed class HostContext
{
    private KdumpSetup? _kdump;

    public HostContext(HostTree tree, HostFacts facts)
    {
        Tree = tree;
        Facts = facts;
    }

    public HostTree Tree { get; }

    public HostFacts Facts { get; }

    public KdumpSetup Kdump => _kdump ??= KdumpSetupReader.Read(Tree, Facts.Distro);

    public bool XenDom0 => Facts.Xen.Dom0;

    public long? RamBytes => Facts.MemTotalKiB * 1024;

    /// <summary>/sys/kernel/kexec_crash_loaded as true/false; null when unreadable.</summary>
    public bool? CrashKernelLoaded => Tree.Read("/sys/kernel/kexec_crash_loaded").Value switch
    {
        "1" => true,
        "0" => false,
        _ => null,
    };

    /// <summary>"path: value" for a file, or "path: unreadable (reason)".</summary>
    public string Show(HostFile file, string? value = null) =>
        file.Readable ? $"{file.Path}: {value ?? Quote(file.Value ?? "")}" : Sentences.Format("evidence.unreadable", file.Path, file.Problem);

    public string ShowSysctl(string key)
    {
        var path = HostFactsReader.SysctlPath(key);
        return Facts.Sysctls.TryGetValue(key, out var value) ? $"{path}: {value}" : Sentences.Format("evidence.unreadable", path, Tree.ReadOptional(path).Problem);
    }

    public int? SysctlInt(string key) =>
        Facts.Sysctls.TryGetValue(key, out var value) && int.TryParse(value.Split(' ')[0], out var n) ? n : null;

    public static string Quote(string text) => text.Length > 300 ? "\"" + text[..300] + "...\"" : "\"" + text + "\"";
}
