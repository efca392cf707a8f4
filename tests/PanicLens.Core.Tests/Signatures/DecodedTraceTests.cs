using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// scripts/decode_stacktrace.sh rewrites every `name+0x1/0x2` it can resolve as `name (path/file.c:123)`, the inlined
/// callers' locations after it and a `(discriminator N)` where the compiler gave one; a register line so decoded still
/// names the faulting function, on a console capture as on pasted text.
/// </summary>
public sealed class DecodedTraceTests
{
    public static readonly string[] Envelopes =
    [
        "", "[   60.440027] ", "[   60.440027][  T221] ", "Jan 14 01:04:26 host kernel: [   60.440027] ", "> [   60.440027] ",
        "> > ", "    [   60.440027] ",
    ];

    /// <summary>How the decoder may print a location: plain, with inlined callers, with a discriminator, with a module.</summary>
    public static readonly string[] Locations =
    [
        "(drivers/gizmo/gizmo.c:269)",
        "(/builds/linux/drivers/gizmo/gizmo.c:269)",
        "(include/linux/list.h:88 drivers/gizmo/gizmo.c:269)",
        "(drivers/gizmo/gizmo.c:269 (discriminator 1))",
        "(drivers/gizmo/gizmo.c:269) gizmo",
    ];

    private static readonly (string Name, string[] Lines, string Title)[] Reports =
    [
        ("x86-null", [
            "BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "#PF: supervisor read access in kernel mode",
            "Oops: 0000 [#1] PREEMPT SMP NOPTI",
            "CPU: 0 PID: 221 Comm: gizmod Not tainted 6.16.0 #1",
            "RIP: 0010:{fn} {loc}",
            "Code: 48 8b 47 08 <48> 8b 00 c3",
            "Call Trace:",
            " <TASK>",
            " gizmo_ioctl (drivers/gizmo/gizmo.c:301)",
            " __x64_sys_ioctl (fs/ioctl.c:51)",
            " </TASK>",
        ], "BUG: unable to handle kernel NULL pointer dereference in {fn}"),
        ("arm64-oops", [
            "Unable to handle kernel NULL pointer dereference at virtual address 000000000000002e",
            "Internal error: Oops: 0000000096000004 [#1]  SMP",
            "CPU: 2 UID: 0 PID: 221 Comm: gizmod Not tainted 6.16.0 #1",
            "pc : {fn} {loc}",
            "lr : gizmo_ioctl+0x54/0x148 [gizmo]",
            "Call trace:",
            " {fn} {loc} (P)",
            " gizmo_ioctl+0x54/0x148 [gizmo]",
        ], "BUG: unable to handle kernel NULL pointer dereference in {fn}"),
        ("x86-warning", [
            "WARNING: CPU: 0 PID: 221 at drivers/gizmo/gizmo.c:269 {fn}+0x4b/0xc0",
            "CPU: 0 PID: 221 Comm: gizmod Not tainted 6.16.0 #1",
            "RIP: 0010:{fn} {loc}",
            "Call Trace:",
            " <TASK>",
            " gizmo_ioctl (drivers/gizmo/gizmo.c:301)",
            " __x64_sys_ioctl (fs/ioctl.c:51)",
            " </TASK>",
        ], "WARNING in {fn}"),
    ];

    public static IEnumerable<object[]> Cases() =>
        from r in Reports from location in Locations from envelope in Envelopes
        from fn in new[] { "gizmo_probe", "gizmo_probe.isra.0" }
        select new object[] { r.Name, fn, location, envelope };

    private static CrashReport First(IEnumerable<string> lines, string envelope)
    {
        var log = "gizmo: loading\n" + string.Concat(lines.Select(line => envelope + line + "\n"));
        return Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_decoded_register_line_names_the_function(string name, string fn, string location, string envelope)
    {
        var (_, lines, title) = Reports.Single(r => r.Name == name);
        var report = First(lines.Select(line => line.Replace("{fn}", fn).Replace("{loc}", location)), envelope);
        Assert.Equal(title.Replace("{fn}", "gizmo_probe"), report.Title);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    /// <summary>A decoded register line in a helper the convention passes over leaves the choice to the trace.</summary>
    [Theory]
    [MemberData(nameof(EnvelopesData))]
    public void A_decoded_register_line_in_a_skipped_helper_defers_to_the_trace(string envelope)
    {
        var (_, lines, _) = Reports.Single(r => r.Name == "x86-null");
        var report = First(lines.Select(line => line.Replace("{fn}", "_raw_spin_lock").Replace("{loc}", "(kernel/locking/spinlock.c:154)")), envelope);
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in gizmo_ioctl", report.Title);
    }

    public static IEnumerable<object[]> EnvelopesData() => Envelopes.Select(e => new object[] { e });
}
