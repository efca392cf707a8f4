namespace PanicLens.Signatures;

/// <summary>
/// Syscall wrapper prefixes (SYSCALL_DEFINE expansions per era and arch). A title names the syscall:
/// each prefix is tried on its own and the shortest result kept, so `__x64_sys_foo` gives `sys_foo`. The list and its
/// order (which also orders the alt titles) are the reference's: google/syzkaller pkg/report/linux.go at 1e72964b0111,
/// `linuxStackParams.stripFramePrefixes`, l.1580.
/// </summary>
public static class SyscallPrefixes
{
    public static readonly string[] All =
    [
        "SYSC_", "SyS_", "sys_", "__x64_", "__ia32_", "__arm64_", "____sys_", "___sys_", "__sys_", "__se_",
        "__se_sys_", "__do_sys_", "compat_SYSC_", "compat_SyS_", "ksys_",
    ];

    public static string Strip(string name)
    {
        var best = name;
        foreach (var prefix in All)
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.Length - prefix.Length < best.Length)
                best = name[prefix.Length..];
        return best;
    }
}
