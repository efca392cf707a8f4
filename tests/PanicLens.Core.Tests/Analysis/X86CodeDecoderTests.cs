using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class X86CodeDecoderTests
{
    [Fact]
    public void Seed_code_decodes_to_the_load_through_rsi_with_the_prologue_before_it()
    {
        var diagnosis = new Diagnoser().Diagnose(TestReports.Seed());

        var instruction = diagnosis.Instruction!;
        Assert.Equal("mov rax,qword ptr [rsi]", instruction.Text);
        Assert.Equal("48 8b 06", instruction.Bytes);
        Assert.Equal("load", instruction.Class);
        var texts = instruction.Context.Select(l => l.Text).ToList();
        Assert.Contains("push rbp", texts);
        Assert.Contains("mov rbp,rsp", texts);
        Assert.Contains("mov qword ptr [rdi],rax", texts);
        var faulting = Assert.Single(instruction.Context, l => l.Faulting);
        Assert.Equal(0, faulting.Offset);
        Assert.Equal(-9, instruction.Context.Single(l => l.Text == "push rbp").Offset);
    }

    [Fact]
    public void I386_code_decodes_in_32_bit_mode()
    {
        var diagnosis = new Diagnoser().Diagnose(TestReports.RadeonI386());

        Assert.Equal("mov ebx,dword ptr [ecx+8]", diagnosis.Instruction!.Text);
        Assert.Equal("8b 59 08", diagnosis.Instruction.Bytes);
    }

    [Fact]
    public void Decoding_resynchronises_on_the_marked_byte_when_the_line_starts_mid_instruction()
    {
        // The first bytes are the tail of a longer instruction: decoding from byte 0 would run through the mark.
        var code = TestReports.Code("00 00 00 48 89 e5 0f 1f 44 00 00 <48> 8b 06 c3");

        Assert.True(X86CodeDecoder.TryDecode(code, 64, 0, out var decoded));

        Assert.Equal(11, decoded.FaultOffset);
        Assert.Equal("mov rax,qword ptr [rsi]", X86InstructionDescriber.Format(decoded.Faulting));
        Assert.All(decoded.Offsets, o => Assert.InRange(o, 0, code.Bytes.Length - 1));
    }

    [Fact]
    public void Ud2_at_the_mark_is_reported_as_a_bug_trap()
    {
        var report = TestReports.Empty("kernel BUG at mm/slub.c:3901!");
        report.Arch = "x86_64";
        report.Code = TestReports.Code("4c 89 e2 48 c7 c7 c0 fb e0 85 e8 95 26 fe fe <0f> 0b 48 c7 c7 20 fc e0 85");

        var instruction = new Diagnoser().Diagnose(report).Instruction!;

        Assert.Equal("ud2", instruction.Text);
        Assert.Equal("trap", instruction.Class);
        Assert.Contains("BUG()", instruction.Explanation);
    }

    [Theory]
    [InlineData("00 00 00 00", -1)]
    [InlineData("0f", 0)]
    [InlineData("48 8b", 0)]
    public void Code_without_a_decodable_marked_instruction_gives_no_instruction(string text, int fault)
    {
        var code = TestReports.Code(text) with { FaultIndex = fault };

        Assert.False(X86CodeDecoder.TryDecode(code, 64, 0, out _));
    }

    [Fact]
    public void Garbage_code_bytes_never_throw()
    {
        var random = new Random(4);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(1, 70)];
            random.NextBytes(bytes);
            var report = TestReports.Seed();
            report.Code = new Model.CodeBytes(bytes, random.Next(-1, bytes.Length + 1), 1, "");
            var diagnosis = new Diagnoser().Diagnose(report);
            Assert.NotNull(diagnosis);
        }
    }

    [Fact]
    public void Diagnoses_made_in_parallel_equal_the_sequential_one()
    {
        var expected = new Diagnoser().Diagnose(TestReports.Seed());

        var results = new Model.CrashReport[64].AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => new Diagnoser().Diagnose(TestReports.Seed())).ToList();

        Assert.All(results, d =>
        {
            Assert.Equal(expected.Instruction!.Context.Count, d.Instruction!.Context.Count);
            Assert.Equal(expected.Operand!.Explanation, d.Operand!.Explanation);
            Assert.Equal(expected.Instruction.Class, d.Instruction.Class);
        });
    }
}
