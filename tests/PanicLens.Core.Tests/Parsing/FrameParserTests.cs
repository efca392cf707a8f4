using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

public sealed class FrameParserTests
{
    private static Frame Parse(string text)
    {
        Assert.True(FrameParser.TryParseFrame(text, out var frame), "not parsed: " + text);
        return frame;
    }

    [Fact]
    public void Stripped_addresses_still_yield_function_and_module()
    {
        var frame = Parse("[] inet_diag_dump+0x3c8/0x7ca [inet_diag]");
        Assert.Equal(new Frame("inet_diag_dump", "3c8", "7ca", "inet_diag", true), frame);
        Assert.Null(frame.Address);
    }

    [Fact]
    public void Stripped_address_with_question_mark_is_unreliable()
    {
        var frame = Parse("[] ? inet_diag_rcv_msg+0x0/0x393 [inet_diag]");
        Assert.Equal(new Frame("inet_diag_rcv_msg", "0", "393", "inet_diag", false), frame);
    }

    [Fact]
    public void Bracketed_x86_64_address_is_kept()
    {
        var frame = Parse(" [<ffffffff8104a4a7>] warn_slowpath_common+0x87/0xc0");
        Assert.Equal("warn_slowpath_common", frame.Function);
        Assert.Equal("ffffffff8104a4a7", frame.Address);
        Assert.True(frame.Reliable);
        Assert.Null(frame.Module);
    }

    [Fact]
    public void Bracketed_address_with_question_mark_and_module_is_unreliable()
    {
        var frame = Parse(" [<ffffffffa0191b1e>] ? nouveau_barobj_ctor+0x6e/0x110 [nouveau]");
        Assert.Equal(new Frame("nouveau_barobj_ctor", "6e", "110", "nouveau", false), frame with { Address = null });
    }

    [Fact]
    public void I386_frame_parses()
    {
        var frame = Parse(" [<c04bb3e5>] ? radeon_audio_detect+0x25/0x170 [radeon]");
        Assert.Equal("radeon_audio_detect", frame.Function);
        Assert.Equal("radeon", frame.Module);
        Assert.Equal("c04bb3e5", frame.Address);
    }

    [Fact]
    public void Modern_frame_without_address_parses()
    {
        Assert.Equal(new Frame("schedule_timeout", "36c", "810", null, false), Parse(" ? schedule_timeout+0x36c/0x810"));
        Assert.Equal(new Frame("amdgpu_vm_sdma_commit", "2c", "1e0", "amdgpu", true), Parse(" amdgpu_vm_sdma_commit+0x2c/0x1e0 [amdgpu]"));
    }

    [Fact]
    public void Symbolised_frame_keeps_its_source_location()
    {
        var frame = Parse(" dump_stack+0x172/0x1f0 lib/dump_stack.c:113");
        Assert.Equal("dump_stack", frame.Function);
        Assert.Equal("lib/dump_stack.c:113", frame.Source);
        Assert.False(frame.Inline);
    }

    [Fact]
    public void Inline_frame_has_no_offset_and_is_marked_inline()
    {
        var frame = Parse(" __dump_stack lib/dump_stack.c:77 [inline]");
        Assert.Equal(new Frame("__dump_stack", null, null, null, true), frame with { Source = null, Inline = false });
        Assert.True(frame.Inline);
        Assert.Equal("lib/dump_stack.c:77", frame.Source);
        Assert.True(Parse("fixup_bug (inline)").Inline);
    }

    [Fact]
    public void Symbolised_frame_with_address_parses()
    {
        var frame = Parse("[ 1722.511384] [<ffffffff83f7ac8b>] sctp_sendmsg+0x2a3b/0x38a0 net/sctp/socket.c:2007");
        Assert.Equal("sctp_sendmsg", frame.Function);
        Assert.Equal("net/sctp/socket.c:2007", frame.Source);
    }

    [Fact]
    public void Arm64_pc_and_task_marks_are_accepted()
    {
        Assert.Equal(new Frame("__switch_to", "2b0", "6e0", null, true), Parse(" __switch_to+0x2b0/0x6e0 (T)"));
        Assert.Equal("el0_svc", Parse("el0_svc+0x34/0x108 (P)").Function);
    }

    [Fact]
    public void Arm32_frame_takes_the_first_function()
    {
        var frame = Parse("[<c06046e4>] (__asan_store1) from [<c0a731b0>] (kmalloc_oob_right+0x190/0x3b8)");
        Assert.Equal(new Frame("__asan_store1", null, null, null, true), frame with { Address = null });
        Assert.Equal("c06046e4", frame.Address);
        var old = Parse("[<bf000010>] (my_init+0x10/0x20 [crash]) from [<c0008764>] (do_one_initcall+0x9c/0x174)");
        Assert.Equal(new Frame("my_init", "10", "20", "crash", true), old with { Address = null });
    }

    [Fact]
    public void Arm32_frame_without_symbols_uses_the_address()
    {
        var frame = Parse("Function entered at [<c0008bcc>] from [<c0008bfc>]");
        Assert.Equal("0xc0008bcc", frame.Function);
        Assert.Equal("c0008bcc", frame.Address);
    }

    [Fact]
    public void Ppc64_frame_takes_the_second_address()
    {
        var frame = Parse("[c000000010ff3ad0] [c00000000806b258] .eeh_report_error+0x98/0x110");
        Assert.Equal(new Frame(".eeh_report_error", "98", "110", null, true), frame with { Address = null });
        Assert.Equal("c00000000806b258", frame.Address);
        var module = Parse("[c0000001f5d3fb40] [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]");
        Assert.Equal("ipr", module.Module);
    }

    [Fact]
    public void Ppc64_unreliable_address_frame_is_unreliable()
    {
        var frame = Parse("[c000000010ff3a30] [c000000010ff3ad0] 0xc000000010ff3ad0 (unreliable)");
        Assert.Equal("0xc000000010ff3ad0", frame.Function);
        Assert.False(frame.Reliable);
    }

    [Fact]
    public void S390_parenthesised_frame_parses()
    {
        var frame = Parse("([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])");
        Assert.Equal(new Frame("will_oops_init", "36", "1000", "will_oops", true), frame with { Address = null });
        Assert.Equal("0x3fffd4a1d92", Parse(" [<000003fffd4a1d92>] 0x3fffd4a1d92").Function);
    }

    [Fact]
    public void Xen_frame_keeps_the_file_qualified_symbol()
    {
        var frame = Parse("(XEN)    [<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40");
        Assert.Equal(new Frame("spinlock.c#check_lock", "3c", "40", null, true), frame with { Address = null });
        Assert.Equal("0", Parse("(XEN)    [<ffff82d080356606>] entry.o#test_all_events+0/0x30").Offset);
    }

    [Fact]
    public void Linux_2_6_9_brace_frame_parses_with_module()
    {
        var frame = Parse(" <ffffffffa00a4b6e>{:ext3:ext3_lookup+47}");
        Assert.Equal(new Frame("ext3_lookup", "47", null, "ext3", true), frame with { Address = null });
        Assert.Equal("do_page_fault", Parse("<ffffffff8010f2c4>{do_page_fault+0x1c4}").Function);
    }

    [Fact]
    public void Dropped_message_note_and_level_marker_are_skipped()
    {
        var frame = Parse("** 2785 printk messages dropped ** [   50.785208]  [<ffffffff814f86fb>] ? rw_verify_area+0xbb/0x2c0");
        Assert.Equal("rw_verify_area", frame.Function);
        Assert.False(frame.Reliable);
        Assert.Equal("panic", Parse("<0> [] panic+0xe0/0x19f").Function);
    }

    [Fact]
    public void Clone_suffixes_stay_in_the_function_name()
    {
        Assert.Equal("__call_rcu.constprop.76", Parse(" [<ffffffff810a376f>] __call_rcu.constprop.76+0x1f/0x280").Function);
    }

    /// <summary>scripts/decode_stacktrace.sh puts the source in parentheses after the frame.</summary>
    [Theory]
    [InlineData(" rfcomm_run+0x831/0x4040 (net/bluetooth/rfcomm/core.c:1751)", "rfcomm_run")]
    [InlineData(" ? frob_probe+0x1c/0x40 [frob] (drivers/frob/frob.c:44:3)", "frob_probe")]
    [InlineData("RIP: 0010:rfcomm_run+0x831/0x4040 (net/bluetooth/rfcomm/core.c:1751)", null)]
    public void Decoded_sources_in_parentheses_are_read(string text, string? function)
    {
        if (function is null)
        {
            Assert.False(FrameParser.TryParseFrame(text, out _));
            Assert.Equal("rfcomm_run", PanicLens.Core.Tests.Parsing.ReportParserTests.Parse("BUG: unable to handle page fault for address: ffffed1021de29ff", text).Function);
            return;
        }
        Assert.True(FrameParser.TryParseFrame(text, out var frame), text);
        Assert.Equal(function, frame.Function);
        Assert.EndsWith(":1751", frame.Source!.Split(':')[0] + ":1751");
    }

    /// <summary>arm since 5.16 prints ` callee from caller+0x18/0x1c`: the frame is the callee.</summary>
    [Theory]
    [InlineData(" unwind_backtrace from show_stack+0x18/0x1c", "unwind_backtrace")]
    [InlineData(" panic from kernel_init+0x104/0x140", "panic")]
    [InlineData("  frob_probe from platform_probe+0x5c/0xb8 [frob]", "frob_probe")]
    [InlineData(" __warn from warn_slowpath_fmt+0xac/0x220", "__warn")]
    public void Arm_callee_from_caller_frames_name_the_callee(string text, string function)
    {
        Assert.True(FrameParser.TryParseFrame(text, out var frame), text);
        Assert.Equal(function, frame.Function);
        Assert.Null(frame.Offset);
    }

    /// <summary>`%ps` prints a module symbol's module too (lib/vsprintf.c symbol_string), so the short arm callee may carry one.</summary>
    [Theory]
    [InlineData(" zs_map_object [zsmalloc] from zram_bvec_rw+0x254/0xa58 [zram]", "zs_map_object", "zsmalloc")]
    [InlineData("  rtw8822b_set_antenna [rtw88_8822b] from rtw_ops_set_antenna+0x4c/0x6c [rtw88_core]", "rtw8822b_set_antenna", "rtw88_8822b")]
    [InlineData("\tnl80211_set_wiphy [cfg80211] from genl_rcv_msg+0x24c/0x390", "nl80211_set_wiphy", "cfg80211")]
    [InlineData(" igc_probe [igc 0123456789abcdef0123456789abcdef01234567] from local_pci_probe+0x40/0x80", "igc_probe", "igc")]
    public void Arm_short_frames_name_the_callees_module(string text, string function, string module)
    {
        Assert.True(FrameParser.TryParseFrame(text, out var frame), text);
        Assert.Equal(function, frame.Function);
        Assert.Equal(module, frame.Module);
    }

    /// <summary>CONFIG_STACKTRACE_BUILD_ID (5.14+) prints `[module buildid]`; every frame form may carry it.</summary>
    [Theory]
    [InlineData(" igc_resume+0xf6/0x1d0 [igc c7b6f7549edcf5dd76637367233bb9aa57fc35fd]", true)]
    [InlineData(" ? igc_tsn_reset+0x64/0x100 [igc c7b6f7549edcf5dd76637367233bb9aa57fc35fd]", false)]
    [InlineData(" [<ffffffffc0a1b2c3>] igc_resume+0xf6/0x1d0 [igc 0123456789abcdef0123456789abcdef01234567]", true)]
    [InlineData("  igc_resume+0xf6/0x1d0 [igc 0123456789ABCDEF0123456789ABCDEF01234567] (P)", true)]
    public void Module_build_ids_are_read_past(string text, bool reliable)
    {
        Assert.True(FrameParser.TryParseFrame(text, out var frame), text);
        Assert.Equal("igc", frame.Module);
        Assert.Equal(reliable, frame.Reliable);
        Assert.StartsWith("igc_", frame.Function);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Call Trace:")]
    [InlineData(" <IRQ>")]
    [InlineData("Stack:")]
    [InlineData("Code: 46 08 88 d0 <48> 8b 06")]
    [InlineData("Modules linked in: xen_blkback_28 havs")]
    [InlineData("RIP: e030:[]  [] ipv6_addr_copy+0x9/0x19 [inet_diag]")]
    [InlineData("Hardware name: Dell Inc. PowerEdge R730/0599V5, BIOS 1.5.4 10/002/2015")]
    [InlineData("kernel BUG at mm/slub.c:3478!")]
    [InlineData("hardirqs last  enabled at (123): [<ffffffff81234567>] trace_hardirqs_on+0xd/0x10")]
    [InlineData("Allocated by task 191:")]
    [InlineData("ffff88005b77d9e8 ffffffffa00741fa ffffffff81396824 0000000000000200")]
    [InlineData("[] [] [] [] []")]
    [InlineData("? ")]
    [InlineData("[<")]
    [InlineData("(")]
    [InlineData("func+0x1/0x2 [mod] [other] [third]")]
    [InlineData("func+0x1/0x2 [mod notabuildid]")]
    [InlineData("Message from syslogd@host at May 23 00:11:31 ...")]
    [InlineData("reply from server+0x3")]
    [InlineData("frob from the manual")]
    [InlineData("func+0x1/0x2 [mod 0123]")]
    public void Text_that_is_no_frame_is_rejected(string text)
    {
        Assert.False(FrameParser.TryParseFrame(text, out _));
    }

    [Fact]
    public void Garbage_never_throws()
    {
        var random = new Random(7);
        const string alphabet = "[]<>(){}?+/0x:#.afz_ 19\t\0\u00ff";
        for (int i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int j = 0; j < chars.Length; j++)
                chars[j] = alphabet[random.Next(alphabet.Length)];
            FrameParser.TryParseFrame(new string(chars), out _);
        }
        Assert.False(FrameParser.TryParseFrame(null, out _));
        Assert.False(FrameParser.TryParseFrame(new string('a', 100_000), out _));
    }
}
