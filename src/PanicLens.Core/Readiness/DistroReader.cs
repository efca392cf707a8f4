namespace PanicLens.Readiness;

/// <summary>Finds the distribution from /etc/os-release, falling back to the release files of older systems.</summary>
public static class DistroReader
{
    /// <summary>os-release IDs (and ID_LIKE words) per kdump tooling family.</summary>
    private static readonly (string Id, DistroFamily Family)[] Families =
    [
        ("rhel", DistroFamily.Rhel),
        ("centos", DistroFamily.Rhel),
        ("rocky", DistroFamily.Rhel),
        ("almalinux", DistroFamily.Rhel),
        ("ol", DistroFamily.Rhel),
        ("fedora", DistroFamily.Rhel),
        ("debian", DistroFamily.Debian),
        ("ubuntu", DistroFamily.Debian),
        ("sles", DistroFamily.Suse),
        ("suse", DistroFamily.Suse),
        ("opensuse", DistroFamily.Suse),
        ("opensuse-leap", DistroFamily.Suse),
    ];

    public static Distro Read(HostTree tree)
    {
        var osRelease = tree.ReadOptional("/etc/os-release");
        if (osRelease.Text is { } text)
            return FromOsRelease(text, osRelease.Path);
        // RHEL/CentOS 5 and 6 have no os-release: "CentOS release 6.5 (Final)".
        var redhat = tree.ReadOptional("/etc/redhat-release");
        if (redhat.Value is { } line)
            return FromRedhatRelease(line, redhat.Path);
        var debian = tree.ReadOptional("/etc/debian_version");
        if (debian.Value is { } version)
            return new Distro("debian", version, "Debian " + version, DistroFamily.Debian, debian.Path);
        if (tree.ReadOptional("/etc/SuSE-release").Value is { } suse)
            return new Distro("sles", "", suse.Split('\n')[0], DistroFamily.Suse, "/etc/SuSE-release");
        return Distro.Unknown;
    }

    private static Distro FromOsRelease(string text, string path)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var eq = raw.IndexOf('=');
            if (eq > 0)
                fields[raw[..eq].Trim()] = raw[(eq + 1)..].Trim().Trim('"', '\'');
        }
        var id = fields.GetValueOrDefault("ID", "unknown").ToLowerInvariant();
        var like = fields.GetValueOrDefault("ID_LIKE", "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var family = FamilyOf(id);
        foreach (var word in like)
        {
            if (family != DistroFamily.Unknown)
                break;
            family = FamilyOf(word);
        }
        var name = fields.GetValueOrDefault("PRETTY_NAME") ?? fields.GetValueOrDefault("NAME", id);
        return new Distro(id, fields.GetValueOrDefault("VERSION_ID", ""), name, family, path);
    }

    private static Distro FromRedhatRelease(string line, string path)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(words, "release");
        var version = at >= 0 && at + 1 < words.Length ? words[at + 1] : "";
        var id = line.StartsWith("CentOS", StringComparison.Ordinal) ? "centos" : "rhel";
        return new Distro(id, version, line, DistroFamily.Rhel, path);
    }

    private static DistroFamily FamilyOf(string id)
    {
        foreach (var (known, family) in Families)
        {
            if (known == id)
                return family;
        }
        return id.StartsWith("opensuse", StringComparison.Ordinal) ? DistroFamily.Suse : DistroFamily.Unknown;
    }
}
