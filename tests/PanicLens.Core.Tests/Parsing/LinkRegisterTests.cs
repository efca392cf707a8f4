using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// A call through a bad function pointer faults at an address no symbol covers (`pc : 0x0`, execute from non-executable
/// memory); the branch-and-link left the caller's return address in the link register, which each architecture prints
/// by name. With no trace printed (a paste trimmed to the registers), that caller is the report's function; a
/// symbolised instruction pointer or a printed trace still comes first. Varied over arm, arm64, riscv and powerpc
/// register lines, modules and envelopes.
/// </summary>
public sealed class LinkRegisterTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[   29.269373] ", "[   29.269373][    T1] ", "> > [   29.269373] ", "Jan 14 01:04:26 host kernel: [   29.269373] ", "    ",
    };

    /// <summary>Header, the unsymbolised pc line, and the link register line (with `{0}` for the caller) of each architecture.</summary>
    private static readonly (string Header, string Pc, string Link)[] Arches =
    [
        ("Unable to handle kernel execute from non-executable memory at virtual address ffff00003f87bdc0", "pc : 0xffff00003f87bdc0", "lr : {0}"),
        ("Unable to handle kernel NULL pointer dereference at virtual address 00000000", "PC is at 0x0", "LR is at {0}"),
        ("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000", "epc : 0x0", " ra : {0}"),
        ("BUG: Kernel NULL pointer dereference on read at 0x00000000", "NIP [0000000000000000] 0x0", "LR [c000000000a1b2c4] {0}"),
        ("BUG: Kernel NULL pointer dereference on read at 0x00000000", "NIP 0x0", "LR {0}"),
    ];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void An_unsymbolised_pc_without_a_trace_is_named_by_its_caller(string envelope)
    {
        foreach (var (header, pc, link) in Arches)
            foreach (var (caller, module) in new[] { ("__cpufreq_driver_target+0x138/0x580", (string?)null), ("ath10k_htt_rx+0x1c/0x448 [ath10k_core]", "ath10k_core") })
            {
                var lines = new[] { header, "Internal error: Oops: 8600000f [#1] PREEMPT SMP", pc, string.Format(link, caller), "sp : ffff00003f87bd40" };
                var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
                var expected = caller[..caller.IndexOf('+')];
                Assert.True(expected == report.Function, $"{envelope}{pc} / {link}: function `{report.Function}`");
                Assert.Equal(module, report.Module);
            }
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_symbolised_pc_or_a_printed_trace_comes_before_the_link_register(string envelope)
    {
        var symbolised = new[] { "Unable to handle kernel paging request at virtual address dead000000000108", "pc : list_del+0x1/0x2",
            "lr : caller_of_list_del+0x3/0x4" };
        Assert.Equal("list_del", Assert.Single(CorpusPipeline.Reports(string.Concat(symbolised.Select(l => envelope + l + "\n")))).Function);
        var traced = new[] { "Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000", "pc : 0x0",
            "lr : stale_return+0x3/0x4", "Call trace:", " 0x0", " dev_attr_store+0x18/0x28", " sysfs_kf_write+0x48/0x58" };
        Assert.Equal("dev_attr_store", Assert.Single(CorpusPipeline.Reports(string.Concat(traced.Select(l => envelope + l + "\n")))).Function);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void M68k_names_the_faulting_function_on_its_pc_line(string envelope)
    {
        var lines = new[] { "Unable to handle kernel NULL pointer dereference at virtual address (ptrval)", "Oops: 00000000",
            "PC: [<001d7380>] uclogic_params_ugee_v2_has_battery+0x6/0x68", "SR: 2700  SP: (ptrval)  a2: 01cc9d5e" };
        var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
        Assert.Equal("uclogic_params_ugee_v2_has_battery", report.Function);
    }
}
