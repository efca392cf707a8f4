namespace PanicLens.Parsing;

/// <summary>Line shapes and release suffixes that tell the architecture when no register dump does.</summary>
internal static class ArchHints
{
    internal sealed record LineHint(string Prefix, string Arch, string Why);
    internal sealed record ReleaseHint(string Suffix, string Arch, string Why);
    internal sealed record FrameHint(string Function, string Arch, string Why);

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
        new("RIP ", "x86_64", "mce `RIP !INEXACT! 10:<..>` and the 2.6 oops trailer `RIP  [<..>]`"),
    ];

    /// <summary>Entry and thread-start code that exists on one architecture only; matched as a prefix.</summary>
    public static readonly FrameHint[] Frames =
    [
        new("entry_SYSCALL_64", "x86_64", "arch/x86/entry/entry_64.S since 4.2"),
        new("do_syscall_64", "x86_64", "arch/x86/entry/common.c"),
        new("system_call_fastpath", "x86_64", "arch/x86/kernel/entry_64.S before 4.2"),
        new("child_rip", "x86_64", "2.6 x86_64 kernel_thread"),
        new("entry_SYSENTER_32", "i386", "arch/x86/entry/entry_32.S"),
        new("sysenter_do_call", "i386", "i386 entry_32.S before 4.2"),
        new("syscall_call", "i386", "i386 entry_32.S before 4.2"),
        new("do_fast_syscall_32", "", "x86 compat entry exists on both x86 flavours"),
        new("el0_svc", "arm64", "arch/arm64/kernel/entry.S"),
        new("el0t_64_sync", "arm64", "arch/arm64/kernel/entry.S since 5.13"),
        new("ret_fast_syscall", "arm", "arch/arm/kernel/entry-common.S"),
        new("__irq_svc", "arm", "arch/arm/kernel/entry-armv.S"),
        new("sysc_tracego", "s390x", "arch/s390/kernel/entry.S"),
        new("system_call_common", "ppc64", "arch/powerpc/kernel/entry_64.S"),
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

    /// <summary>The first characters of <see cref="Lines"/>' prefixes: other lines are passed over at one look.</summary>
    private static readonly System.Buffers.SearchValues<char> LineStarts =
        System.Buffers.SearchValues.Create(string.Concat(Lines.Select(hint => hint.Prefix[0]).Distinct()));

    public static string? FromLine(string text)
    {
        if (text.Length == 0 || !LineStarts.Contains(text[0]))
            return null;
        foreach (var hint in Lines)
            if (text.StartsWith(hint.Prefix, StringComparison.Ordinal))
                return hint.Arch;
        return null;
    }

    /// <summary>Characters of a function name looked up in <see cref="FramesByStart"/>; every hint is at least this long.</summary>
    private const int StartLength = 4;

    /// <summary>The frame hints by their first <see cref="StartLength"/> characters: one lookup per frame instead of a scan of the table.</summary>
    private static readonly Dictionary<string, FrameHint[]>.AlternateLookup<ReadOnlySpan<char>> FramesByStart = Frames
        .GroupBy(hint => hint.Function[..StartLength], StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static string? FromFrames(IEnumerable<Model.Frame> frames)
    {
        foreach (var frame in frames)
        {
            var function = frame.FunctionSpan.TrimStart('.');
            if (function.Length < StartLength || !FramesByStart.TryGetValue(function[..StartLength], out var hints))
                continue;
            foreach (var hint in hints)
                if (function.StartsWith(hint.Function, StringComparison.Ordinal))
                    return hint.Arch.Length > 0 ? hint.Arch : null;
        }
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
