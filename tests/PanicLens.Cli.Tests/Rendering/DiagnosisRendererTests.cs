using PanicLens.Analysis;
using PanicLens.Cli.Rendering;
using PanicLens.Knowledge;

namespace PanicLens.Cli.Tests.Rendering;

public sealed class DiagnosisRendererTests
{
    private static Diagnosis Sample() => new()
    {
        Instruction = new FaultingInstruction("mov rax,qword ptr [rsi]", "48 8b 06",
            [new InstructionLine(-9, "55", "push rbp", false), new InstructionLine(0, "48 8b 06", "mov rax,qword ptr [rsi]", true)])
        {
            Class = "load",
        },
        BadRegister = "rsi",
        Operand = new OperandFinding("[rsi]", [new RegisterValue("rsi", "ffff8802ea75bb00", "base")], "ffff8802ea75bb00", true)
        {
            Explanation = "RSI == fault address == ffff8802ea75bb00: the pointer in RSI is bad.",
        },
        Address = new AddressFinding("ffff8802ea75bb00", "direct-map", "A direct-map address."),
        Taint = [new TaintFlag("P", "a proprietary module is loaded", ["hotfix_info"]), new TaintFlag("W", "a warning | earlier", []) { Note = "not in\u001b[31m this log" }],
        Panic = new PanicFinding("Fatal exception in interrupt", "BH disabled."),
        Trigger = "`ss` (pid 29755) sent a request",
        Mitigations =
        [
            new MitigationAdvice("block-diag-modules", "Unload and block tcp_diag", false, "yes")
            {
                Preconditions = [new MitigationPrecondition("they are modules", "grep inet_diag /proc/modules") { Expect = "listed" }],
                Commands = ["rmmod tcp_diag inet_diag"],
                Undo = ["modprobe tcp_diag"],
                Risk = "ss gets slower",
            },
            new MitigationAdvice("runtime-disable-ipv6-is-not-enough", "Runtime disable_ipv6", false, "no"),
        ],
    };

    [Fact]
    public void Plain_text_shows_every_section_without_escape_sequences()
    {
        var output = new StringWriter();

        DiagnosisRenderer.WriteText(output, Sample(), colour: false);

        var text = output.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("mov rax,qword ptr [rsi]  (48 8b 06; load)", text);
        Assert.Contains("P: a proprietary module is loaded (modules: hotfix_info)", text);
        Assert.Contains(">>    0  48 8b 06", text);
        Assert.Contains("1. Unload and block tcp_diag [block-diag-modules]", text);
        Assert.Contains("$ rmmod tcp_diag inet_diag", text);
        Assert.Contains("does NOT remove the trigger", text);
    }

    [Fact]
    public void Colour_text_uses_ansi_only_around_our_own_labels()
    {
        var output = new StringWriter();

        DiagnosisRenderer.WriteText(output, Sample(), colour: true);

        Assert.Contains("\u001b[", output.ToString());
        Assert.DoesNotContain("\u001b[31m this log", output.ToString());
    }

    [Fact]
    public void Markdown_escapes_log_text_and_puts_commands_in_code_blocks()
    {
        var output = new StringWriter();

        DiagnosisRenderer.WriteMarkdown(output, Sample());

        var markdown = output.ToString();
        Assert.Contains("### Diagnosis", markdown);
        Assert.Contains("a warning \\| earlier", markdown);
        Assert.Contains("```sh", markdown);
        Assert.Contains("     rmmod tcp_diag inet_diag", markdown);
        Assert.Contains("**does not** remove the trigger", markdown);
    }
}
