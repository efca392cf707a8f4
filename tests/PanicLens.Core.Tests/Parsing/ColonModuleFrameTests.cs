using PanicLens.Core.Tests.Signatures;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// x86_64 kernels from 2.6.16 to the x86 merge printed a module's symbol with its module in colons before it
/// (arch/x86_64/kernel/traps.c printk_address: ` [&lt;%016lx&gt;] %s%s%s%s+0x%lx/0x%lx`, `delim = ":"`, empty for the core
/// kernel), on frame lines, the `RIP:` line and the fault's `IP:`/`RIP: ` line: `[&lt;ffffffffa00997be&gt;] :ir_common:ir_input_free+0x26/0x3e`.
/// Varied over both page-fault eras, faulting and calling modules, envelopes and a `?` mark.
/// </summary>
public sealed class ColonModuleFrameTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[   37.877670] ", "> > [   37.877670] ", "Dec  5 23:30:25 security kernel: [    5.735716] ", "    ", ">> ",
        "<1>[   37.877670] ",
    };

    [Theory]
    [InlineData(" [<ffffffffa00997be>] :ir_common:ir_input_free+0x26/0x3e", "ir_input_free", "ir_common", true)]
    [InlineData(" [<ffffffff88ad9909>] ? :dvb_core:dvb_frontend_detach+0x9/0x90", "dvb_frontend_detach", "dvb_core", false)]
    [InlineData(" [] :saa7134_dvb:dvb_init+0x4c8/0x9b0", "dvb_init", "saa7134_dvb", true)]
    [InlineData(" [<ffffffff80254bd7>] sys_init_module+0x1a7/0x1b0", "sys_init_module", null, true)]
    public void A_module_in_colons_before_the_symbol_is_the_frames_module(string line, string function, string? module, bool reliable) =>
        ParsedFrameAssert.Reads(line, function, module, reliable);

    [Theory]
    [InlineData(":ir_common:ir_input_free+0x26/0x3e")]                          // printk_address always printed the address
    [InlineData(" [<ffffffffa00997be>] :ir_common:ir_input_free")]              // no offset: prose, not printk_address
    [InlineData(" [<ffffffffa00997be>] :ir_common:ir_input_free+0x26/0x3e [ir_common]")]
    [InlineData(" [<ffffffffa00997be>] :ir_common ir_input_free+0x26/0x3e")]
    public void Other_colon_shapes_are_no_frame(string line) =>
        Assert.False(FrameParser.TryParseFrame(line, out _), line);

    /// <summary>2.6.24's fault (arch/x86_64/mm/fault.c: `... at %016lx RIP: ` then printk_address) and 2.6.25's `IP:` line.</summary>
    private static readonly string[][] Faults =
    [
        ["Unable to handle kernel NULL pointer dereference at 00000000000000b0 RIP: ", " [<ffffffff88ad9909>] {0}"],
        ["BUG: unable to handle kernel NULL pointer dereference at 00000000000000b0", "IP: [<ffffffff88ad9909>] {0}"],
    ];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void The_faulting_module_symbol_names_the_report(string envelope)
    {
        foreach (var fault in Faults)
            foreach (var (ip, function, module) in new[]
                     {
                         (":dvb_core:dvb_frontend_detach+0x9/0x90", "dvb_frontend_detach", "dvb_core"),
                         (":ir_common:ir_input_free+0x26/0x3e", "ir_input_free", "ir_common"),
                     })
            {
                var lines = new[]
                {
                    fault[0], string.Format(fault[1], ip), "PGD 6d09c067 PUD 6d3d2067 PMD 0", "Oops: 0000 [1] SMP", "CPU 0",
                    "Modules linked in: tda1004x saa7134_dvb dvb_core ir_common",
                    "Pid: 3220, comm: modprobe Tainted: P        2.6.24-18-generic #1",
                    "RIP: 0010:[<ffffffff88ad9909>]  [<ffffffff88ad9909>] " + ip,
                    "RSP: 0018:ffff81006d3fbd68  EFLAGS: 00010292",
                    "Call Trace:",
                    " [<ffffffff88aef7a8>] :saa7134_dvb:dvb_init+0x4c8/0x9b0",
                    " [<ffffffff80254bd7>] sys_init_module+0x1a7/0x1b0",
                    " [<ffffffff8020c37e>] system_call+0x7e/0x83",
                };
                var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
                var context = $"`{envelope}` / {fault[0]} / {ip}";
                Assert.True(function == report.Function, $"{context}: function `{report.Function}`");
                Assert.True(module == report.Module, $"{context}: module `{report.Module}`");
                Assert.True(report.Title == "BUG: unable to handle kernel NULL pointer dereference in " + function && !report.Corrupted,
                    $"{context}: title `{report.Title}`, corrupted {report.Corrupted}");
            }
    }

    /// <summary>A mail client wrapped the `RIP:` line after its address columns: the wrapped line starts with `:mod:`.</summary>
    [Theory]
    [InlineData("", "")]
    [InlineData("[  589.400409] ", "")]
    [InlineData("> > [  589.400409] ", "> > ")]
    [InlineData("Dec  5 23:30:25 security kernel: [    5.735716] ", "")]
    [InlineData("<1>[  589.400409] ", "")]
    public void A_register_line_wrapped_before_its_module_symbol_still_names_it(string envelope, string wrapLead)
    {
        var text = string.Concat(new[]
        {
            "Unable to handle kernel NULL pointer dereference at 0000000000000008 RIP: ",
            "Oops: 0002 [1] SMP", "CPU 0", "Modules linked in: tuner cx25840 cx23885 snd",
            "Pid: 17811, comm: modprobe Tainted: PF 2.6.24-21-generic #1",
            "RIP: 0010:[<ffffffff881f5f89>]  [<ffffffff881f5f89>]",
        }.Select(l => envelope + l + "\n")) + wrapLead + ":snd:snd_device_new+0x59/0xb0\n"
            + envelope + "RSP: 0018:ffff810073235aa8  EFLAGS: 00010282\n" + envelope + "Stack:  ffff81007212d000 ffff81007212d000\n";
        var report = Assert.Single(CorpusPipeline.Reports(text));
        Assert.True(report.Title == "BUG: unable to handle kernel NULL pointer dereference in snd_device_new",
            $"`{envelope}`: title `{report.Title}`, function `{report.Function}`");
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_trace_of_module_frames_names_the_caller_of_a_skipped_helper(string envelope)
    {
        var lines = new[]
        {
            "BUG: unable to handle kernel NULL pointer dereference at 0000000000000000",
            "IP: [<ffffffff812fcd21>] _spin_lock_irqsave+0x1a/0x34", "PGD 0", "Oops: 0002 [1] SMP",
            "Pid: 810, comm: rc0 Not tainted 2.6.25-5-amd64 #1",
            "RIP: 0010:[<ffffffff812fcd21>]  [<ffffffff812fcd21>] _spin_lock_irqsave+0x1a/0x34",
            "Call Trace:",
            " [<ffffffffa031a533>] :ir_core:ir_raw_event_thread+0x3b/0x103",
            " [<ffffffff81064d75>] kthread+0x79/0x81",
            " [<ffffffff81011baa>] child_rip+0xa/0x20",
        };
        var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in ir_raw_event_thread", report.Title);
        Assert.False(report.Corrupted);
    }
}
