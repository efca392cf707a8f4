using PanicLens.Detection;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// x86 die() prints `general protection fault` then `: %04lx [#%d]`, or since 5.5 `, probably for non-canonical address
/// 0x%lx` / `, maybe for address 0x%lx` before it (arch/x86/kernel/traps.c GPFSTR, dumpstack.c __die_header; a review
/// version printed `for non-canonical address`). syzbot's
/// titles (`general protection fault in f`), prose and show_signal()'s user-space notice open no report. Each case runs
/// under several prefixes.
/// </summary>
public sealed class GeneralProtectionFaultFormTests
{
    private static readonly string[] PrefixStyles =
        ["", "[ 1021.364461] ", "> > ", "Jan 14 01:04:26 web-03 kernel: [  812.000000] ", "<4>[ 1303.081180] ", "[  89.1][ T1234] ", "TITLE: "];

    [Theory]
    [InlineData("general protection fault: 0000 [#1] SMP DEBUG_PAGEALLOC KASAN", true)]
    [InlineData("general protection fault: 0000 [1] SMP ", true)]                      // 2.6-era x86_64
    [InlineData("general protection fault, probably for non-canonical address 0xdffffc0000000003: 0000 [#1] PREEMPT SMP KASAN", true)]
    [InlineData("general protection fault, maybe for address 0xffff888000000000: 0000 [#1] SMP", true)]
    [InlineData("general protection fault for non-canonical address 0xe017577ddf75b7dd: 0000 [#1] PREEMPT SMP KASAN PTI", true)]
    [InlineData("general protection fault,", true)]                                    // a wrap cut the line after the comma
    [InlineData("general protection fault", true)]                                     // ... or before it
    [InlineData("general protection fault in drm_legacy_newctx", false)]
    [InlineData("general protection fault in __pm_runtime_resume", false)]
    [InlineData("general protection fault that I believe is caused by", false)]
    [InlineData("a.out[1234] general protection fault ip:7f0000001234 sp:7ffc00000000 error:0 in libc.so.6[7f0000000000+1a0000]", false)]
    public void Only_dies_own_line_opens_a_report(string line, bool opens)
    {
        HeaderForms.AssertOpens(line, opens, PrefixStyles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[  292.658378] ")]
    [InlineData("> ")]
    public void A_syzbot_title_above_the_report_adds_no_report_of_its_own(string prefix)
    {
        string[] lines =
        [
            "syzbot found the following issue on:",
            "",
            "general protection fault in nf_flow_offload_tuple",
            "",
            prefix + "general protection fault, probably for non-canonical address 0xdffffc0000000003: 0000 [#1] PREEMPT SMP KASAN",
            prefix + "KASAN: null-ptr-deref in range [0x0000000000000018-0x000000000000001f]",
            prefix + "CPU: 1 PID: 5190 Comm: syz-executor.0 Not tainted 6.2.0-syzkaller #0",
            prefix + "RIP: 0010:nf_flow_offload_tuple+0x2c/0x3c0 net/netfilter/nf_flow_table_offload.c:1041",
            prefix + "Call Trace:",
            prefix + " <TASK>",
            prefix + " nf_flow_table_offload_setup+0x1e/0x90 net/netfilter/nf_flow_table_offload.c:1190",
            prefix + " </TASK>",
        ];

        var regions = new CrashDetector().Detect(LineReader.Read(string.Join('\n', lines))).ToList();

        var region = Assert.Single(regions);
        Assert.Equal(5, region.StartLine);
    }
}
