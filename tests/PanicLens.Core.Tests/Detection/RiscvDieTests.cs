using PanicLens.Detection;
using PanicLens.Core.Tests.Signatures;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// riscv die() (arch/riscv/kernel/traps.c) prints `%s [#%d]` with the trap's name, `Oops - illegal instruction [#1]`,
/// and after a kernel page fault (arch/riscv/mm/fault.c) `Oops [#1]` under `Unable to handle kernel ...`. Its registers
/// name the function as `epc : func+0x..` (process.c __show_regs). Each case runs under several prefixes.
/// </summary>
public sealed class RiscvDieTests
{
    public static TheoryData<string> Prefixes => new() { "", "[  978.788878] ", "> ", "Nov 12 10:00:01 nezha kernel: [  978.788878] ", "    " };

    private static List<CrashReport> Reports(string log, string prefix) =>
        CorpusPipeline.Reports(string.Join("\n", log.Split('\n').Select(line => prefix + line))).ToList();

    private const string StoreFault = """
        Oops - store (or AMO) access fault [#1]
        Modules linked in: snd_soc_core
        CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.12.0-rc1 #3
        Hardware name: SiFive HiFive Unmatched A00 (DT)
        epc : plic_irq_enable+0x4a/0x9c
         ra : plic_irq_unmask+0x22/0x30
        epc : ffffffff8060f3f2 ra : ffffffff8060f4a6 sp : ffffffc80000bb90
         gp : ffffffff81a3a6b8 tp : ffffffd800a30000 t0 : 0000000000000040
        status: 0000000200000100 badaddr: ffffffc8045c2080 cause: 0000000000000007
        [<ffffffff8060f3f2>] plic_irq_enable+0x4a/0x9c
        [<ffffffff8060f4a6>] plic_irq_unmask+0x22/0x30
        [<ffffffff800a1b3c>] irq_startup+0x9a/0x16e
        Code: 97ba 4398 8fd9 c39c 8082 (c398) 8082
        ---[ end trace 0000000000000000 ]---
        """;

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_trap_named_by_die_opens_a_report_titled_by_its_epc(string prefix)
    {
        var report = Assert.Single(Reports(StoreFault, prefix));
        Assert.Equal("Oops - store (or AMO) access fault in plic_irq_enable", report.Title);
        Assert.Equal("plic_irq_enable", report.Function);
        Assert.Equal("swapper/0", report.Process?.Comm);
    }

    [Theory]
    [InlineData("Oops - illegal instruction [#1]", true)]
    [InlineData("Oops - load address misaligned [#12]", true)]
    [InlineData("Oops - I forgot the attachment", false)]       // prose: no `[#N]` count
    [InlineData("Internal error: Oops - BUG: 0 [#1] SMP ARM", false)] // arm's die(), a row of its own
    [InlineData("so the kernel said Oops - illegal instruction [#1]", false)]
    public void Only_the_die_line_opens_a_riscv_report(string line, bool opens) =>
        Assert.Equal(opens, HeaderScanner.Match(line)?.Literal == "Oops - ");
}
