using System.Globalization;

namespace PanicLens.Readiness;

/// <summary>Reads <see cref="HostFacts"/> from a <see cref="HostTree"/>. Missing files leave their fact null.</summary>
public static class HostFactsReader
{
    public static HostFacts Read(HostTree tree, IEnumerable<string> extraSysctls)
    {
        var (release, releaseFrom) = KernelReleaseSources.Read(tree);
        var hostname = tree.ReadOptional("/proc/sys/kernel/hostname").Value ?? tree.ReadOptional("/etc/hostname").Value;
        var cmdline = tree.Read("/proc/cmdline").Value;
        var xen = ReadXen(tree);
        var boot = BootEntryReader.Read(tree, release, cmdline);
        if (xen.Hypervisor && boot?.XenLine is { } xenLine)
            xen = xen with { CommandLine = xenLine };
        return new HostFacts(
            hostname,
            release,
            ReadMemTotal(tree),
            cmdline,
            DistroReader.Read(tree),
            xen,
            ReadModules(tree),
            ReadSysctls(tree, SysctlKey.Read.Select(k => k.Key).Concat(extraSysctls)),
            Ipv6SocketReader.Read(tree),
            boot)
        {
            KernelReleaseFrom = releaseFrom,
        };
    }

    public static string SysctlPath(string key) => "/proc/sys/" + key.Replace('.', '/');

    private static long? ReadMemTotal(HostTree tree)
    {
        var meminfo = tree.Read("/proc/meminfo").Text;
        foreach (var line in (meminfo ?? "").Split('\n'))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal))
                continue;
            var number = line["MemTotal:".Length..].Trim().Split(' ')[0];
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : null;
        }
        return null;
    }

    private static IReadOnlyList<string>? ReadModules(HostTree tree)
    {
        var text = tree.Read("/proc/modules").Text;
        if (text is null)
            return null;
        var modules = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var space = line.IndexOf(' ');
            if (space > 0)
                modules.Add(line[..space]);
        }
        return modules;
    }

    private static Dictionary<string, string> ReadSysctls(HostTree tree, IEnumerable<string> keys)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            // A sysctl file is absent when its feature is (no ipv6 module, an older kernel): optional.
            if (tree.ReadOptional(SysctlPath(key)).Value is { } value)
                values[key] = NormalizeSpaces(value);
        }
        return values;
    }

    private static string NormalizeSpaces(string value) =>
        string.Join(' ', value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static XenFacts ReadXen(HostTree tree)
    {
        var type = tree.ReadOptional("/sys/hypervisor/type").Value;
        var capabilities = tree.ReadOptional("/proc/xen/capabilities").Value;
        var dom0 = capabilities is not null && capabilities.Contains("control_d", StringComparison.Ordinal);
        if (type != "xen" && !dom0 && capabilities is null)
            return XenFacts.None;
        var major = tree.ReadOptional("/sys/hypervisor/version/major").Value;
        var minor = tree.ReadOptional("/sys/hypervisor/version/minor").Value;
        var extra = tree.ReadOptional("/sys/hypervisor/version/extra").Value ?? "";
        var version = major is null || minor is null ? null : $"{major}.{minor}{extra}";
        return new XenFacts(true, dom0, version, null);
    }
}
