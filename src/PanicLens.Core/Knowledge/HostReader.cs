namespace PanicLens.Knowledge;

/// <summary>Reads the `host:` section (exposure of a running host) of a knowledge file.</summary>
internal static class HostReader
{
    public static HostExposure? Read(YamlFields? host, IReadOnlyList<Mitigation> mitigations)
    {
        if (host is null)
            return null;
        var exposure = new HostExposure
        {
            Kernel = host.Ranges("kernel"),
            Modules = host.Strings("modules"),
            Sysctls = ReadSysctls(host, "sysctls"),
            Sockets = ReadSockets(host),
            Mitigated = ReadMitigated(host, mitigations),
            Notes = host.String("notes"),
        };
        if (exposure.Kernel.Count == 0 && exposure.Modules.Count == 0 && exposure.Sysctls.Count == 0 && exposure.Sockets.Count == 0)
            host.Error("", "needs at least one of kernel, modules, sysctls or sockets");
        host.RejectUnknownKeys();
        return exposure;
    }

    private static List<HostSysctl> ReadSysctls(YamlFields fields, string key)
    {
        var list = new List<HostSysctl>();
        foreach (var item in fields.Maps(key))
        {
            var name = item.String("key", required: true) ?? "";
            var equal = item.String("equals");
            var notEqual = item.String("notEquals");
            if ((equal is null) == (notEqual is null))
                item.Error("equals", "set exactly one of equals and notEquals");
            list.Add(new HostSysctl(name, equal, notEqual));
            item.String("why");
            item.RejectUnknownKeys();
        }
        return list;
    }

    private static List<HostSocket> ReadSockets(YamlFields host)
    {
        var list = new List<HostSocket>();
        foreach (var item in host.Maps("sockets"))
        {
            var file = item.String("file", required: true) ?? "";
            if (file.Length > 0 && !file.StartsWith("/proc/net/", StringComparison.Ordinal))
                item.Error("file", $"'{file}' is not a /proc/net/ table");
            var state = item.String("state");
            if (state is not null && !HostSocket.StateCodes.ContainsKey(state))
                item.Error("state", $"'{state}' is not a TCP state ({string.Join(", ", HostSocket.StateCodes.Keys)})");
            list.Add(new HostSocket(file, state is not null && HostSocket.StateCodes.ContainsKey(state) ? state.ToUpperInvariant() : null, item.Int("port"))
            {
                Why = item.String("why"),
            });
            item.RejectUnknownKeys();
        }
        return list;
    }

    private static List<HostMitigationCheck> ReadMitigated(YamlFields host, IReadOnlyList<Mitigation> mitigations)
    {
        var list = new List<HostMitigationCheck>();
        foreach (var item in host.Maps("mitigated"))
        {
            var id = item.String("mitigation", required: true) ?? "";
            if (id.Length > 0 && !mitigations.Any(m => m.Id == id))
                item.Error("mitigation", $"'{id}' is not the id of a mitigation in this entry");
            var check = new HostMitigationCheck(id)
            {
                ModulesAbsent = item.Strings("modulesAbsent"),
                Sysctls = ReadSysctls(item, "sysctls"),
                Cmdline = item.Strings("cmdline"),
                Files = ReadFiles(item),
            };
            if (check.ModulesAbsent.Count == 0 && check.Sysctls.Count == 0 && check.Cmdline.Count == 0 && check.Files.Count == 0)
                item.Error("", "needs at least one of modulesAbsent, sysctls, cmdline or files");
            list.Add(check);
            item.RejectUnknownKeys();
        }
        return list;
    }

    private static List<HostFileCheck> ReadFiles(YamlFields item)
    {
        var list = new List<HostFileCheck>();
        foreach (var file in item.Maps("files"))
        {
            var path = file.String("path", required: true) ?? "";
            if (path.Length > 0 && !path.StartsWith('/'))
                file.Error("path", $"'{path}' must be absolute (it is read under the host root)");
            var contains = file.String("contains", required: true);
            var pattern = contains is null ? null : file.Compile(contains, file.LineOf("contains"), file.FieldPath("contains"));
            if (pattern is not null)
                list.Add(new HostFileCheck(path, pattern));
            file.RejectUnknownKeys();
        }
        return list;
    }
}
