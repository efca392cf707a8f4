using System.Text.RegularExpressions;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The host a log belongs to, from its path. By default the file name without its rotation and compression suffixes
/// (`conserver/HOST.log`, `HOST.log.3.gz`, `HOST-20240101.log`), or the folder's name when the file has a generic name
/// (`HOST/console.log`, `HOST/messages.1`). `--host-from REGEX` overrides: the `host` group (or the first group) of the
/// first match in the path. A generic name names no host by itself (<see cref="NamesHost"/>): the scan then takes each
/// report's host from its syslog host field, when it has one, before the folder's name.
/// </summary>
public sealed partial class HostNaming(Regex? pattern)
{
    /// <summary>File names that say what the log is, not whose: their folder names the host.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "console", "messages", "kern", "kernel", "syslog", "dmesg", "serial", "sol", "log", "netconsole", "current", "journal",
    };

    public static HostNaming Create(string? regex)
    {
        if (regex is null)
            return new HostNaming(null);
        try
        {
            return new HostNaming(new Regex(regex, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--host-from: {e.Message}");
        }
    }

    /// <summary>The path names the host: <c>--host-from</c> matched, or the file name is not a generic one.</summary>
    public bool NamesHost(string path)
    {
        if (pattern is not null && pattern.Match(path) is { Success: true } match)
        {
            var group = match.Groups["host"].Success ? match.Groups["host"] : match.Groups.Count > 1 ? match.Groups[1] : match.Groups[0];
            if (group.Value.Length > 0)
                return true;
        }
        var name = Suffixes().Replace(Path.GetFileName(path), "");
        return name.Length > 0 && !Generic.Contains(name);
    }

    public string HostOf(string path)
    {
        if (pattern is not null && pattern.Match(path) is { Success: true } match)
        {
            var group = match.Groups["host"].Success ? match.Groups["host"] : match.Groups.Count > 1 ? match.Groups[1] : match.Groups[0];
            if (group.Value.Length > 0)
                return group.Value;
        }
        var name = Suffixes().Replace(Path.GetFileName(path), "");
        if (name.Length > 0 && !Generic.Contains(name))
            return name;
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
        return folder.Length > 0 ? folder : name.Length > 0 ? name : "unknown";
    }

    /// <summary>
    /// Compression, rotation (`.1`, `-20240101`) and `.log`/`.txt`, each optional. A dash takes only a date: host names
    /// end in `-01` often.
    /// </summary>
    [GeneratedRegex(@"(\.(log|txt|out))?(\.\d{1,3}|-\d{8}|[.-]\d{4}-\d{2}-\d{2})?(\.(log|txt|out))?(\.(gz|xz|zst|zstd|bz2))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffixes();
}
