using PanicLens.Core.Tests.Signatures;
using PanicLens.Detection;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// GPU drivers log errors through dev_err/drm_err with their own prefixes (`i915 0000:00:02.0: [drm] *ERROR* ...`,
/// `[drm:f [amdgpu]] *ERROR* ...`, include/drm/drm_print.h) and report hangs and resets in their own words (i915's
/// `GPU HANG: ecode`, amdgpu's ring timeouts and `GPU reset begin!`): none of these is a kernel crash report. A WARN or
/// fault inside a driver is one, with the driver's prefix on the drm_WARN message before it (drm_WARN's
/// `"%s %s: " format`). Each case runs under several capture prefixes.
/// </summary>
public sealed class GpuDriverLineTests
{
    private static readonly string[] PrefixStyles =
        ["", "[  812.331204] ", "> ", "Mar 12 10:01:02 box kernel: [  812.331204] ", "<3>[  812.331204] ", "[  812.3][ T1234] "];

    [Theory]
    [InlineData("i915 0000:00:02.0: [drm] *ERROR* CPU pipe A FIFO underrun")]
    [InlineData("[drm:intel_cpu_fifo_underrun_irq_handler [i915]] *ERROR* CPU pipe A FIFO underrun")]
    [InlineData("i915 0000:00:02.0: [drm] GPU HANG: ecode 9:1:85dffffb, in Xorg [1234]")]
    [InlineData("[drm] GPU HANG: ecode 9:0:0x85dffffb, in Xorg [1234], reason: hang on rcs0, action: reset")]
    [InlineData("[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout, signaled seq=1, emitted seq=3")]
    [InlineData("amdgpu 0000:03:00.0: amdgpu: GPU reset begin!")]
    [InlineData("amdgpu 0000:03:00.0: amdgpu: [gfxhub0] retry page fault (src_id:0 ring:0 vmid:1 pasid:32768, for process Xorg pid 1234)")]
    [InlineData("[drm:drm_atomic_helper_wait_for_flip_done [drm_kms_helper]] *ERROR* [CRTC:51:pipe A] flip_done timed out")]
    [InlineData("i915 0000:00:02.0: [drm] Resetting rcs0 for hang on rcs0")]
    public void A_drivers_error_or_hang_notice_opens_no_report(string line)
    {
        foreach (var prefix in PrefixStyles)
        {
            var regions = new CrashDetector().Detect(LineReader.Read(prefix + line + "\n" + prefix + "[drm] Initialized i915 1.6.0\n")).ToList();
            Assert.True(regions.Count == 0, $"`{prefix + line}`: {regions.Count} reports");
        }
    }

    [Fact]
    public void A_drm_warn_inside_the_driver_is_a_report_named_by_its_function()
    {
        string[] lines =
        [
            "i915 0000:00:02.0: [drm] *ERROR* CPU pipe A FIFO underrun",
            "------------[ cut here ]------------",
            "i915 0000:00:02.0: drm_WARN_ON(!intel_irqs_enabled(dev_priv))",
            "WARNING: CPU: 3 PID: 512 at drivers/gpu/drm/i915/display/intel_display.c:1234 intel_atomic_commit_tail+0x1a3/0x5f0 [i915]",
            "Modules linked in: i915 drm_kms_helper drm",
            "CPU: 3 PID: 512 Comm: kworker/u8:3 Tainted: G        W          6.1.0 #1",
            "RIP: 0010:intel_atomic_commit_tail+0x1a3/0x5f0 [i915]",
            "Call Trace:",
            " <TASK>",
            " intel_atomic_commit_work+0x12/0x20 [i915]",
            " process_one_work+0x1c4/0x380",
            " </TASK>",
            "---[ end trace 0000000000000000 ]---",
            "i915 0000:00:02.0: [drm] GPU HANG: ecode 9:1:85dffffb, in Xorg [1234]",
        ];
        AssertOneReport(lines, "WARNING in intel_atomic_commit_tail", "i915");
    }

    [Fact]
    public void A_null_dereference_in_the_driver_is_a_report_named_by_its_function()
    {
        string[] lines =
        [
            "[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout, signaled seq=1, emitted seq=3",
            "BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "#PF: supervisor read access in kernel mode",
            "Oops: 0000 [#1] PREEMPT SMP NOPTI",
            "CPU: 5 PID: 88 Comm: kworker/5:1 Not tainted 6.6.8 #1",
            "RIP: 0010:amdgpu_vm_bo_update+0x2e/0x7c0 [amdgpu]",
            "Call Trace:",
            " <TASK>",
            " amdgpu_gem_va_update_vm+0x1a1/0x1c0 [amdgpu]",
            " amdgpu_gem_va_ioctl+0x3ab/0x480 [amdgpu]",
            " </TASK>",
        ];
        AssertOneReport(lines, "BUG: unable to handle kernel NULL pointer dereference in amdgpu_vm_bo_update", "amdgpu");
    }

    private static void AssertOneReport(string[] lines, string title, string module)
    {
        foreach (var prefix in PrefixStyles)
        {
            var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => prefix + l + "\n"))));
            Assert.True(report.Title == title && report.Module == module, $"`{prefix}`: `{report.Title}` module `{report.Module}`");
        }
    }
}
