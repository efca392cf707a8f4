namespace PanicLens.Analysis;

/// <summary>
/// Prefixes of system-call entry functions across eras and architectures (SYSCALL_DEFINE wrappers), longest
/// first: what follows the prefix is the system call's name (`__x64_sys_sendmsg` → sendmsg).
/// </summary>
public static class SyscallEntries
{
    public static readonly string[] All =
    [
        "__ia32_compat_sys_", "__x32_compat_sys_", "__arm64_compat_sys_", "__se_compat_sys_", "__do_compat_sys_",
        "__x64_sys_", "__ia32_sys_", "__arm64_sys_", "__riscv_sys_", "__s390x_sys_", "__se_sys_", "__do_sys_",
        "compat_sys_", "SyS_", "sys_",
    ];

    /// <summary>The system call's name when <paramref name="function"/> is an entry wrapper, else null.</summary>
    public static string? SyscallName(string function)
    {
        foreach (var prefix in All)
        {
            if (function.StartsWith(prefix, StringComparison.Ordinal) && function.Length > prefix.Length)
                return function[prefix.Length..];
        }
        return null;
    }
}
