namespace PanicLens.Parsing;

/// <summary>Line shapes and release suffixes that tell the architecture when no register dump does.</summary>
internal static class ArchHints
{
    internal sealed record LineHint(string Prefix, string Arch, string Why);
    internal sealed record ReleaseHint(string Suffix, string Arch, string Why);

    public static readonly LineHint[] Lines =
    [
        new("RIP: ", "x86_64", "x86_64 __show_regs"),
        new("EIP: ", "i386", "i386 __show_regs"),
        new("EIP is at ", "i386", "i386 before 4.x"),
        new("pc : ", "arm64", "arm64 __show_regs"),
        new("PC is at ", "arm", "arm32 __show_regs"),
        new("Backtrace:", "arm", "arm32 dump_backtrace"),
        new("NIP ", "ppc64", "powerpc show_regs"),
        new("NIP: ", "ppc64", "powerpc show_regs"),
        new("Krnl PSW", "s390x", "s390 show_registers"),
    ];

    public static readonly ReleaseHint[] Releases =
    [
        new(".x86_64", "x86_64", "Fedora/RHEL release names"),
        new("-amd64", "x86_64", "Debian release names"),
        new(".i686", "i386", "Fedora/RHEL 32-bit"),
        new(".i686+PAE", "i386", "Fedora PAE kernels"),
        new(".i686.PAE", "i386", "Fedora PAE kernels"),
        new(".ppc64", "ppc64", "RHEL POWER"),
        new(".ppc64le", "ppc64", "RHEL POWER little-endian"),
        new(".s390x", "s390x", "RHEL z Systems"),
        new(".aarch64", "arm64", "Fedora/RHEL arm64"),
        new("-arm64", "arm64", "Debian arm64"),
    ];

    public static string? FromLine(string text)
    {
        foreach (var hint in Lines)
            if (text.StartsWith(hint.Prefix, StringComparison.Ordinal))
                return hint.Arch;
        return null;
    }

    public static string? FromRelease(string? release)
    {
        if (release is null)
            return null;
        foreach (var hint in Releases)
            if (release.EndsWith(hint.Suffix, StringComparison.Ordinal))
                return hint.Arch;
        return null;
    }
}
