using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class Arm64CodeReaderTests
{
    [Fact]
    public void Corpus_524_faulting_word_is_a_load_through_x19()
    {
        // ../shared/corpus/syzkaller-linux/524: `Code: 910003fd f9000bf3 aa0003f3 97932e41 (08dffe60)`, x19 from its dump.
        var report = TestReports.Empty("Internal error: synchronous external abort: 96000010 [#1] PREEMPT SMP");
        report.Arch = "arm64";
        report.Kernel = "5.9.0-12994-gf9893351acae";
        TestReports.Registers(report, "x29: ffff0000401f7c40 x28: 0000000000000007 x19: fffffdfffec00201 x0: 0000000000000000");
        report.Code = TestReports.Code("910003fd f9000bf3 aa0003f3 97932e41 (08dffe60)");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("load", diagnosis.Instruction!.Class);
        Assert.Equal("08dffe60", diagnosis.Instruction.Bytes);
        Assert.Equal("x19", diagnosis.BadRegister);
        Assert.Equal("fffffdfffec00201", diagnosis.Operand!.Address);
        Assert.Equal("vmemmap-io", diagnosis.Address!.Class);
        Assert.Equal(5, diagnosis.Instruction.Context.Count);
        Assert.Equal("store [sp, #16] (register, unsigned offset)", diagnosis.Instruction.Context[1].Text);
    }

    [Fact]
    public void Null_field_load_matches_the_fault_address()
    {
        // f9400c20 = ldr x0, [x1, #0x18]; the kernel reported a NULL dereference at 0x18.
        var report = TestReports.Empty("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000018");
        report.Arch = "arm64";
        report.FaultAddress = "0000000000000018";
        TestReports.Registers(report, "x1: 0000000000000000 x0: ffff000012345678");
        report.Code = TestReports.Code("d503201f (f9400c20)");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("x1", diagnosis.BadRegister);
        Assert.True(diagnosis.Operand!.MatchesFaultAddress);
        Assert.Contains("offset 0x18", diagnosis.Operand.Explanation);
        Assert.Equal("null-offset", diagnosis.Address!.Class);
    }

    [Theory]
    [InlineData("d4210000", "trap", "BUG()")]
    [InlineData("00000000", "trap", "undefined")]
    [InlineData("94000010", "branch", null)]
    [InlineData("b9000020", "store", null)]
    public void Word_classes(string word, string expected, string? explanation)
    {
        var report = TestReports.Empty("Internal error: Oops");
        report.Arch = "arm64";
        report.Code = TestReports.Code($"({word})");

        var instruction = new Diagnoser().Diagnose(report).Instruction!;

        Assert.Equal(expected, instruction.Class);
        if (explanation is not null)
            Assert.Contains(explanation, instruction.Explanation);
    }
}
