using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PanicLens.Analysis;
using PanicLens.Cli.Rendering;
using PanicLens.Knowledge;
using Xunit;

namespace PanicLens.Cli.Tests.Rendering;

public sealed class DiagnosisJsonWriterTests
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Written(Diagnosis diagnosis, bool serializer)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            if (serializer)
                JsonSerializer.Serialize(w, diagnosis, DiagnosisJsonContext.CamelCase.Diagnosis);
            else
                DiagnosisJsonWriter.Write(w, diagnosis);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Every_corpus_report_diagnosis_is_written_as_the_serializer_wrote_it()
    {
        var pipeline = new ReportPipeline(KnowledgeLoader.Load());
        var compared = 0;
        var withIssue = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "corpus"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var input = File.OpenRead(file);
            foreach (var report in pipeline.Analyze(input, file))
            {
                if (report.Diagnosis is not { } diagnosis)
                    continue;
                Assert.True(Written(diagnosis, serializer: true) == Written(diagnosis, serializer: false), file);
                compared++;
                withIssue += diagnosis.KnownIssues.Count > 0 ? 1 : 0;
            }
        }
        Assert.True(compared > 500, $"only {compared} diagnoses compared");
        Assert.True(withIssue > 10, $"only {withIssue} with a known issue");
    }

    [Fact]
    public void Every_field_filled_or_null_is_written_as_the_serializer_wrote_it()
    {
        var full = new Diagnosis
        {
            Instruction = new FaultingInstruction("mov (%rax),%rbx", "48 8b 18", [new InstructionLine(-3, "90", "nop", false), new InstructionLine(0, "48 8b 18", "mov (%rax),%rbx", true)])
            {
                Class = "load",
                Explanation = "reads \"quoted\" <memory> é",
            },
            BadRegister = "rax",
            Operand = new OperandFinding("(%rax)", [new RegisterValue("rax", "0x0", "base"), new RegisterValue("rbx", null, "index")], "0x8", false)
            {
                Displacement = -8,
                Explanation = "x",
            },
            Address = new AddressFinding("0x0", "null", "NULL pointer"),
            ErrorCode = new ErrorCodeFinding("0x2", true, false, true, false) { ReservedBit = true, ShadowStack = true, Explanation = "write" },
            Taint = [new TaintFlag("G", "proprietary", ["nvidia", "zfs"]) { Note = "n" }, new TaintFlag("W", "warned", [])],
            Panic = new PanicFinding("Fatal exception", "e"),
            Hypervisor = new HypervisorFinding("crashed", "line") { Effect = null },
            Trigger = "syscall",
            KnownIssues = [new KnownIssueFinding("id-1", "Title", null, ["https://x"]) { Score = 7, Reasons = ["a", "b"] }],
            Mitigations =
            [
                new MitigationAdvice("m", "Mitigate", true, "partly")
                {
                    Issue = "id-1",
                    Preconditions = [new MitigationPrecondition("module", "lsmod") { Expect = "loaded" }, new MitigationPrecondition("w", "c")],
                    Commands = ["echo 1 > /proc/sys/x"],
                    Persistent = [],
                    Undo = ["echo 0"],
                    Risk = "low",
                },
            ],
        };
        Assert.Equal(Written(full, serializer: true), Written(full, serializer: false));
        var empty = new Diagnosis { Operand = new OperandFinding("e", [], null, null) { Explanation = "" } };
        Assert.Equal(Written(empty, serializer: true), Written(empty, serializer: false));
        Assert.Equal(Written(new Diagnosis(), serializer: true), Written(new Diagnosis(), serializer: false));
    }
}
