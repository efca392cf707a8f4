using System.Text.RegularExpressions;

namespace PanicLens.Buckets;

/// <summary>
/// A frame's function as the `stack` key compares it: compiler clone suffixes and syscall wrapper prefixes removed,
/// so one function from two builds or two compilers reads the same.
/// </summary>
public static partial class FrameNames
{
    /// <summary>Syscall wrappers since 4.17 (arch/x86/include/asm/syscall_wrapper.h) around the old `sys_` name.</summary>
    private static readonly string[] SyscallWrappers =
        ["__se_sys_", "__do_sys_", "__x64_sys_", "__ia32_sys_", "__arm64_sys_", "__s390x_sys_", "__riscv_sys_", "__se_compat_sys_",
         "__do_compat_sys_", "__ia32_compat_sys_", "__x64_compat_sys_", "__arm64_compat_sys_"];

    public static string Normalize(string function)
    {
        var name = function.StartsWith('.') ? function[1..] : function;  // ppc64 ELFv1 dot symbols
        name = CloneSuffix().Replace(name, "");
        foreach (var wrapper in SyscallWrappers)
            if (name.StartsWith(wrapper, StringComparison.Ordinal))
                return (wrapper.Contains("compat") ? "compat_sys_" : "sys_") + name[wrapper.Length..];
        return name;
    }

    /// <summary>gcc/clang clones: `.isra.0`, `.constprop.3`, `.part.1`, `.cold`, `.llvm.123456`, chained.</summary>
    [GeneratedRegex(@"(\.(isra|constprop|part|cold|llvm|lto_priv|localalias)(\.[0-9]+)?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex CloneSuffix();
}
