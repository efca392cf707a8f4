namespace PanicLens.Readiness;

/// <summary>
/// Finds the boot loader entry of the running kernel in GRUB legacy, GRUB 2 or Boot Loader Specification
/// files, so the checks can say which line a parameter is on (on Xen, the hypervisor line or Dom0's).
/// </summary>
public static class BootEntryReader
{
    private enum Format { GrubLegacy, Grub2 }

    /// <summary>Boot loader files, most specific first; the first one that has entries wins.</summary>
    private static readonly (string Path, Format Format, string Why)[] Configs =
    [
        ("/boot/grub/grub.conf", Format.GrubLegacy, "GRUB legacy on RHEL/CentOS 5-6 (the seed's Xen hosts)"),
        ("/boot/grub/menu.lst", Format.GrubLegacy, "GRUB legacy on older Debian and SLES 11"),
        ("/boot/grub2/grub.cfg", Format.Grub2, "GRUB 2 on RHEL 7+, SLES 12+"),
        ("/boot/grub/grub.cfg", Format.Grub2, "GRUB 2 on Debian and Ubuntu"),
    ];

    private const string BlsDirectory = "/boot/loader/entries";

    public static BootEntry? Read(HostTree tree, string? release, string? runningCmdline)
    {
        var entries = new List<BootEntry>();
        foreach (var (path, format, _) in Configs)
        {
            if (tree.ReadOptional(path).Text is not { } text)
                continue;
            entries = format == Format.GrubLegacy ? ParseLegacy(path, text) : ParseGrub2(path, text);
            if (entries.Count > 0)
                break;
        }
        // RHEL 8+ GRUB 2 configs only say "blscfg": the entries live in one file each.
        if (entries.Count == 0 || entries.TrueForAll(e => e.KernelLine is null && e.XenLine is null))
            entries = ReadBls(tree);
        var chosen = Choose(entries, release) ?? (entries.Count > 0 ? entries[0] : null);
        var defaults = tree.ReadOptional("/etc/default/grub").Text;
        if (defaults is null)
            return chosen;
        chosen ??= new BootEntry("/etc/default/grub", "(defaults only)", null, null);
        return chosen with
        {
            DefaultsPath = "/etc/default/grub",
            DefaultsKernel = JoinDefaults(defaults, "GRUB_CMDLINE_LINUX", "GRUB_CMDLINE_LINUX_DEFAULT"),
            DefaultsXen = JoinDefaults(defaults, "GRUB_CMDLINE_XEN", "GRUB_CMDLINE_XEN_DEFAULT"),
        };
    }

    private static BootEntry? Choose(List<BootEntry> entries, string? release)
    {
        if (release is null)
            return null;
        return entries.Find(e => e.Title.Contains(release, StringComparison.Ordinal) || ImageOf(e) == release);
    }

    // The image path is kept as the first word of the kernel line by the parsers below.
    private static string? ImageOf(BootEntry entry)
    {
        var first = KernelCommandLine.Words(entry.KernelLine).FirstOrDefault();
        return first is null ? null : ReleaseOfImage(first);
    }

    private static string? ReleaseOfImage(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var prefix in (string[])["vmlinuz-", "vmlinux-", "bzImage-"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return name[prefix.Length..];
        }
        return null;
    }

    private static List<BootEntry> ParseLegacy(string path, string text)
    {
        var entries = new List<BootEntry>();
        BootEntry? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var (keyword, rest) = SplitKeyword(raw);
            if (keyword == "title")
            {
                if (current is not null)
                    entries.Add(current);
                current = new BootEntry(path, rest, null, null);
            }
            else if (current is not null)
            {
                current = AddLine(current, keyword, rest);
            }
        }
        if (current is not null)
            entries.Add(current);
        return entries;
    }

    private static List<BootEntry> ParseGrub2(string path, string text)
    {
        var entries = new List<BootEntry>();
        BootEntry? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var (keyword, rest) = SplitKeyword(raw);
            if (keyword == "menuentry")
            {
                current = new BootEntry(path, TitleOf(rest), null, null);
            }
            else if (keyword == "}" && current is not null)
            {
                entries.Add(current);
                current = null;
            }
            else if (current is not null)
            {
                current = AddLine(current, keyword, rest);
            }
        }
        return entries;
    }

    private static List<BootEntry> ReadBls(HostTree tree)
    {
        var entries = new List<BootEntry>();
        var kernelopts = GrubEnvKernelOpts(tree);
        foreach (var name in tree.List(BlsDirectory).Where(n => n.EndsWith(".conf", StringComparison.Ordinal)))
        {
            var path = BlsDirectory + "/" + name;
            string? title = null, linux = null, options = null;
            foreach (var raw in (tree.ReadOptional(path).Text ?? "").Split('\n'))
            {
                var (keyword, rest) = SplitKeyword(raw);
                if (keyword == "title")
                    title = rest;
                else if (keyword == "linux")
                    linux = rest;
                else if (keyword == "options")
                    options = rest.Replace("$kernelopts", kernelopts ?? "$kernelopts", StringComparison.Ordinal);
            }
            if (linux is not null)
                entries.Add(new BootEntry(path, title ?? name, null, linux + " " + options));
        }
        return entries;
    }

    private static string? GrubEnvKernelOpts(HostTree tree)
    {
        foreach (var line in (tree.ReadOptional("/boot/grub2/grubenv").Text ?? "").Split('\n'))
        {
            if (line.StartsWith("kernelopts=", StringComparison.Ordinal))
                return line["kernelopts=".Length..].Trim();
        }
        return null;
    }

    /// <summary>Files the hypervisor line on <c>kernel</c>/<c>multiboot*</c>, the Linux image on <c>module*</c>/<c>linux*</c>.</summary>
    private static BootEntry AddLine(BootEntry entry, string keyword, string rest)
    {
        var image = KernelCommandLine.Words(rest).FirstOrDefault() ?? "";
        var isXen = Path.GetFileName(image).StartsWith("xen", StringComparison.Ordinal);
        switch (keyword)
        {
            case "kernel" or "multiboot" or "multiboot2" when isXen:
                return entry with { XenLine = rest };
            case "kernel" or "linux" or "linux16" or "linuxefi":
                return entry with { KernelLine = rest };
            case "module" or "module2" when ReleaseOfImage(image) is not null && entry.KernelLine is null:
                return entry with { KernelLine = rest };
            default:
                return entry;
        }
    }

    private static (string Keyword, string Remainder) SplitKeyword(string raw)
    {
        var line = raw.Trim();
        if (line.StartsWith('#'))
            return ("", "");
        var space = line.IndexOfAny([' ', '\t']);
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
    }

    private static string TitleOf(string rest)
    {
        var quote = rest.Length > 0 ? rest[0] : ' ';
        if (quote is not ('\'' or '"'))
            return rest.Split(' ')[0];
        var end = rest.IndexOf(quote, 1);
        return end < 0 ? rest[1..] : rest[1..end];
    }

    private static string? JoinDefaults(string text, params string[] names)
    {
        var values = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=');
            if (eq > 0 && names.Contains(line[..eq]))
                values.Add(line[(eq + 1)..].Trim().Trim('"', '\''));
        }
        return values.Count == 0 ? null : string.Join(' ', values);
    }
}
