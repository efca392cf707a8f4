using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class OperandTests
{
    [Fact]
    public void Seed_blames_rsi_which_equals_cr2()
    {
        var diagnosis = new Diagnoser().Diagnose(TestReports.Seed());

        Assert.Equal("rsi", diagnosis.BadRegister);
        var operand = diagnosis.Operand!;
        Assert.Equal("[rsi]", operand.Expression);
        Assert.Equal("ffff8802ea75bb00", operand.Address);
        Assert.True(operand.MatchesFaultAddress);
        Assert.Contains("RSI == fault address", operand.Explanation);
    }

    [Fact]
    public void Seed_rsi_is_still_the_second_argument_because_the_fault_precedes_any_call()
    {
        var explanation = new Diagnoser().Diagnose(TestReports.Seed()).Operand!.Explanation;

        Assert.Contains("2nd argument", explanation);
        Assert.Contains("System V", explanation);
        Assert.Contains("+0x9 of the 0x19-byte function ipv6_addr_copy", explanation);
        Assert.Contains("before any call", explanation);
        Assert.Contains("inet_diag_dump+0x3c8", explanation);
    }

    [Fact]
    public void Seed_names_r12_as_the_object_just_below_the_bad_pointer()
    {
        var explanation = new Diagnoser().Diagnose(TestReports.Seed()).Operand!.Explanation;

        Assert.Contains("R12 (ffff8802ea74d480) lies 0xe680 bytes below the fault address", explanation);
    }

    [Fact]
    public void A_null_offset_fault_names_no_nearby_object()
    {
        var explanation = new Diagnoser().Diagnose(TestReports.RadeonI386()).Operand!.Explanation;

        Assert.DoesNotContain("lies 0x", explanation);
    }

    [Fact]
    public void A_register_written_before_the_fault_is_not_called_an_argument()
    {
        var report = TestReports.Seed();
        // push rbp; mov rbp,rsp; mov rsi,[rdi+8]; <mov rax,[rsi]>: RSI was loaded by the function itself.
        report.Code = TestReports.Code("c3 55 48 89 e5 48 8b 77 08 <48> 8b 06 c3");
        report.Ip = new Model.Frame("f", "8", "20", null, true);

        var explanation = new Diagnoser().Diagnose(report).Operand!.Explanation;

        Assert.Contains("set it at +0x4", explanation);
        Assert.DoesNotContain("before any call", explanation);
    }

    [Fact]
    public void I386_null_base_plus_offset_is_a_field_of_a_null_structure()
    {
        var diagnosis = new Diagnoser().Diagnose(TestReports.RadeonI386());

        Assert.Equal("ecx", diagnosis.BadRegister);
        Assert.Equal("00000008", diagnosis.Operand!.Address);
        Assert.Equal(8, diagnosis.Operand.Displacement);
        Assert.Contains("field at offset 0x8", diagnosis.Operand.Explanation);
        Assert.Equal("null-offset", diagnosis.Address!.Class);
    }

    [Fact]
    public void General_protection_fault_uses_the_computed_operand_not_a_stale_cr2()
    {
        // syzkaller-style GPF: `mov rax,[rbx+0x8]` with RBX holding list poison; CR2 is from an old page fault.
        var report = TestReports.Empty("general protection fault: 0000 [#1] SMP KASAN");
        report.Arch = "x86_64";
        report.Kernel = "4.14.0";
        TestReports.Registers(report, "RAX: 0000000000000000 RBX: dead000000000100 CR2: 00007f1234560000");
        report.Code = TestReports.Code("55 48 89 e5 <48> 8b 43 08 5d c3");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("rbx", diagnosis.BadRegister);
        Assert.Null(diagnosis.Operand!.MatchesFaultAddress);
        Assert.Equal("dead000000000108", diagnosis.Address!.Value);
        Assert.Equal("list-poison", diagnosis.Address.Class);
        Assert.Null(diagnosis.ErrorCode);
    }

    [Fact]
    public void An_operand_that_misses_the_fault_address_names_the_register_that_holds_it()
    {
        var report = TestReports.Seed();
        report.Registers["RSI"] = "ffff880000001000";
        report.Registers["R12"] = "ffff8802ea75bb00";

        var operand = new Diagnoser().Diagnose(report).Operand!;

        Assert.False(operand.MatchesFaultAddress);
        Assert.Contains("R12 holds the fault address", operand.Explanation);
    }
}
