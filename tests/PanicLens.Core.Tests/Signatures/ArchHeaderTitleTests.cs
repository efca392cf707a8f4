using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// Headers the syzbot convention has no format for (mips, s390, powerpc die() banners) get a stable title naming the
/// function on their own register line, or the trace's first frame when that line is missing; never the raw header.
/// </summary>
public sealed class ArchHeaderTitleTests
{
    private static CrashReport First(string prefix, string text)
    {
        var log = "noise before\n" + string.Concat(text.Split('\n').Select(line => prefix + line + "\n"));
        return Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());
    }

    private static readonly (string Header, string IpLine, string Title, string Type)[] Cases =
    [
        ("Unhandled kernel unaligned access[#1]:", "epc   : 80123456 gizmo_load+0x10/0x20", "Unhandled kernel unaligned access in gizmo_load", "DoS" ),
        ("Reserved instruction in kernel code[#2]:", "epc   : 80123456 gizmo_load+0x10/0x20", "Reserved instruction in kernel code in gizmo_load", "DoS" ),
        ("Oops[#1]:", "epc   : 80123456 gizmo_load+0x10/0x20", "Oops in gizmo_load", "DoS" ),
        ("Unable to handle kernel pointer dereference in virtual kernel address space", "Krnl PSW : 0704c00180000000 000000000088e2e0 (gizmo_load+0x10/0x30)", "BUG: unable to handle kernel paging request in gizmo_load", "MEMORY_SAFETY_BUG" ),
        ("Oops: Kernel access of bad area, sig: 11 [#1]", "NIP [c000000000123456] gizmo_load+0x10/0x20", "BUG: unable to handle kernel paging request in gizmo_load", "MEMORY_SAFETY_BUG" ),
        ("BUG: Kernel NULL pointer dereference on read at 0x00000010", "NIP [c000000000123456] gizmo_load+0x10/0x20", "BUG: unable to handle kernel NULL pointer dereference in gizmo_load", "NULL-POINTER-DEREFERENCE" ),
        ("Oops: Exception in kernel mode, sig: 5 [#3]", "NIP [c000000000123456] gizmo_load+0x10/0x20", "Oops: Exception in kernel mode in gizmo_load", "DoS" ),
    ];

    public static IEnumerable<object[]> CasesInPrefixes() =>
        from c in Cases
        from prefix in new[] { "", "[  100.123456] ", "<4>[  100.123456] ", "Jan 14 01:04:26 host kernel: [  100.123456] " }
        select new object[] { prefix, c.Header, c.IpLine, c.Title, c.Type };

    [Theory]
    [MemberData(nameof(CasesInPrefixes))]
    public void The_register_line_names_the_function(string prefix, string header, string ipLine, string title, string type)
    {
        var report = First(prefix, $"""
            {header}
            CPU: 0 PID: 1 Comm: gizmod Not tainted 5.10.0 #1
            {ipLine}
            Call Trace:
             gizmo_caller+0x1/0x2
             gizmo_ioctl+0x3/0x4
            """);
        Assert.Equal(title, report.Title);
        Assert.Equal(type, report.Type);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [MemberData(nameof(CasesInPrefixes))]
    public void Without_the_register_line_the_first_frame_names_it(string prefix, string header, string ipLine, string title, string type)
    {
        _ = ipLine;
        var report = First(prefix, $"""
            {header}
            CPU: 0 PID: 1 Comm: gizmod Not tainted 5.10.0 #1
            Call Trace:
             gizmo_load+0x1/0x2
             gizmo_ioctl+0x3/0x4
            """);
        Assert.Equal(title, report.Title);
        Assert.Equal(type, report.Type);
    }
}
