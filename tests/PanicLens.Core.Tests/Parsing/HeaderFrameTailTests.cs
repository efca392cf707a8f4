using PanicLens.Core.Tests.Signatures;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// A header's `%pS` keeps its function when the capture cut or glued something after it: a line cut inside the module
/// (`[mac8021`), journalctl's truncation mark (`[thunderb>`), the closing quote or bracket of the text quoting it, a
/// letter typed on. Varied over header forms (__warn with and without a file, KASAN, KMSAN, KFENCE), tails and
/// capture envelopes; text that is no frame after the header still names none.
/// </summary>
public sealed class HeaderFrameTailTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[   54.770718] ", "[  179.142675][ T3731] ", "May 07 13:40:28 host kernel: ", "    ", "> ", "> > [ 1510.165582] ",
        "6: B1 Line exceeds max length (81>80): \"[  179.142675][ T3731] ",
    };

    /// <summary>What the capture left after `func+0x1/0x2`: nothing of the module's end, or something glued on.</summary>
    public static readonly string[] Tails = [" [mac8021", " [thunderb>", "\"", " [mod]\"", " [iwlmvm]a", ").", "'", " [m"];

    private static readonly (string Header, string Function)[] Headers =
    [
        ("WARNING: CPU: 1 PID: 7817 at net/mac80211/rx.c:4856 ieee80211_rx_list+0x223/0x2f0", "ieee80211_rx_list"),
        ("WARNING: CPU: 2 PID: 382 at kernel/bpf/verifier.c:3626 __mark_chain_precision.isra.0+0x4568/0x4e50", "__mark_chain_precision"),
        ("WARNING: at drivers/thunderbolt/ctl.c:227 check_config_address+0x77/0x90", "check_config_address"),
        ("WARNING: CPU: 0 PID: 10 at pm_runtime_enable+0x98/0xb0", "pm_runtime_enable"),
        ("BUG: KASAN: use-after-free in hci_le_conn_failed+0x1a/0x30", "hci_le_conn_failed"),
        ("BUG: KMSAN: use-after-free in lock_sock_nested+0x280/0x2c0", "lock_sock_nested"),
        ("BUG: KFENCE: memory corruption in __usbnet_read_cmd+0x44/0x1c0", "__usbnet_read_cmd"),
    ];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_cut_or_glued_tail_keeps_the_header_s_function(string envelope)
    {
        foreach (var (header, function) in Headers)
            foreach (var tail in Tails)
            {
                var report = Assert.Single(CorpusPipeline.Reports(envelope + header + tail + "\n"));
                Assert.True(function == report.Function, $"{envelope}{header}{tail}: function `{report.Function}`");
            }
    }

    [Theory]
    [InlineData("ieee80211_rx_list+0x223/0x2f0 [mac8021", "ieee80211_rx_list", null)]
    [InlineData("ieee80211_rx_list+0x223/0x2f0 [mac80211]", "ieee80211_rx_list", "mac80211")]
    [InlineData("lock_sock_nested+0x280/0x2c0\"", "lock_sock_nested", null)]
    [InlineData("f.constprop.0+0x1/0x2 [thunderb>", "f.constprop.0", null)]
    public void The_module_is_read_only_when_whole(string text, string function, string? module)
    {
        Assert.True(FrameParser.TryParseHeaderFrame(text, out var frame));
        Assert.Equal(function, frame.Function);
        Assert.Equal(module, frame.Module);
    }

    [Theory]
    [InlineData("not a frame\"")]
    [InlineData("0xffffffff81000000 [mod")]
    [InlineData("func+0x1/0x2x")]
    [InlineData("func+0x1 [mod")]
    [InlineData("func [mod")]
    [InlineData("")]
    public void Text_without_a_whole_function_and_offset_is_no_header_frame(string text) =>
        Assert.False(FrameParser.TryParseHeaderFrame(text, out _));
}
