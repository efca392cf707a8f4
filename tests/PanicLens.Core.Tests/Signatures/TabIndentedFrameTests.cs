namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// A trace pasted into a mail or ticket whose editor turned the kernel's blank indentation into TABs (syzkaller's own
/// corpus holds one, test 132): its frames are read as frames, whatever the mix of TABs and blanks. On an untimed log
/// the convention keeps a ppc `(unreliable)` frame (linux.go drops questionable frames only on timed lines), so the
/// first frame names the title only if the TAB-indented line is read as a frame.
/// </summary>
public sealed class TabIndentedFrameTests
{
    [Theory]
    [InlineData("\t")]
    [InlineData("\t\t")]
    [InlineData("\t  ")]
    [InlineData(" \t")]
    public void Tab_indented_frames_name_the_title(string indent)
    {
        var log = string.Join("\n",
            "BUG: using smp_processor_id() in preemptible [00000000] code: fcntl-test/4242",
            "CPU: 1 PID: 4242 Comm: fcntl-test Not tainted 5.11.0 #1",
            "Call Trace:",
            indent + "[c000000005dbf4b0] [c00000000036253c] fcntl_setlk+0x4fc/0xb20 (unreliable)",
            indent + "[c000000005dbf5c0] [c0000000004ab608] do_fcntl+0xd8/0x170",
            indent + "[c000000005dbf610] [c0000000006295d0] sys_fcntl+0x80/0x160") + "\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("BUG: using smp_processor_id() in preemptible code in fcntl_setlk", report.Title);
    }
}
