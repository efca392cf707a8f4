using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>
/// A console log committed as a file and mailed as a patch: every line behind the unified diff's `+`, often as the
/// file's `# ` comments (CI lists of known failures). The report is read as from the log itself, under stamps, quoting
/// and the comment marker; the patch's own lines (`+++ b/path`, TAB-indented C) are never taken for report lines.
/// </summary>
public sealed class DiffAddedLogTests
{
    private static readonly string[] Report =
    [
        "------------[ cut here ]------------",
        "WARNING: CPU: 1 PID: 1250 at drivers/gpu/drm/vkms/vkms_crtc.c:139 vkms_atomic_crtc_destroy_state+0x31/0x40 [vkms]",
        "Modules linked in: vkms",
        "CPU: 1 UID: 0 PID: 1250 Comm: kms_cursor_crc Not tainted 6.13.0-rc2 #1",
        "RIP: 0010:vkms_atomic_crtc_destroy_state+0x31/0x40 [vkms]",
        "Call Trace:",
        " <TASK>",
        " drm_atomic_state_default_clear+0x137/0x2f0",
        " __drm_atomic_state_free+0x6c/0xb0",
        " </TASK>",
        "---[ end trace 0000000000000000 ]---",
    ];

    public static TheoryData<string, string> Forms => new()
    {
        { "+", "" }, { "+# ", "" }, { "+", "[   42.000001] " }, { "+# ", "[   42.000001] " }, { "> +# ", "" },
        { "> > +", "[   42.000001][ T1250] " }, { "+", "<4>[   42.000001] " },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_log_added_by_a_patch_is_read_as_the_log(string layer, string stamp)
    {
        var mail = "diff --git a/x-flakes.txt b/x-flakes.txt\n--- /dev/null\n+++ b/x-flakes.txt\n@@ -0,0 +1,20 @@\n"
            + string.Concat(Report.Select(line => layer + stamp + line + "\n"))
            + "+\tparams.vdev_id = 0;\n+\tfoo.bar(1);\n";
        var report = Assert.Single(CorpusPipeline.Reports(mail));
        Assert.Equal("WARNING in vkms_atomic_crtc_destroy_state", report.Title);
        Assert.Equal("vkms_atomic_crtc_destroy_state", report.Function);
        Assert.Equal(("kms_cursor_crc", 1250), (report.Process?.Comm, report.Process?.Pid));
        Assert.Equal(["drm_atomic_state_default_clear", "__drm_atomic_state_free"], report.Frames.Select(f => f.Function));
    }

    [Fact]
    public void Tab_indented_c_behind_a_plus_after_a_report_adds_no_frame()
    {
        var log = "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:575\n"
            + "Call Trace:\n <TASK>\n dump_stack_lvl+0x1/0x2\n ath12k_mac_op_link_sta_statistics+0xc6/0x380 [ath12k]\n </TASK>\n"
            + "+++ b/drivers/net/wireless/ath/ath12k/mac.c\n+\t\tparams.pdev_id = ar->pdev->pdev_id;\n+\t\tparams.vdev_id = 0;\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("BUG: sleeping function called from invalid context in ath12k_mac_op_link_sta_statistics", report.Title);
        Assert.DoesNotContain(report.Frames, f => f.Function.StartsWith("params", StringComparison.Ordinal));
    }
}
