using System.Text.Json;
using PanicLens.Analysis;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// A report's `diagnosis` in the JSON contract, field by field as <see cref="JsonReportRenderer"/> writes the rest:
/// camelCase names in the model's order, null fields written. The same bytes System.Text.Json wrote from the model
/// (DiagnosisJsonWriterTests holds the two together over the corpus), without its metadata: the serializer's property
/// infos over <c>bool</c>, <c>long</c> and <c>bool?</c> are generic instantiations ReadyToRun cannot precompile, which
/// every fresh `scan` and `analyze --format json` paid to the JIT.
/// </summary>
public static class DiagnosisJsonWriter
{
    public static void Write(Utf8JsonWriter w, Diagnosis d)
    {
        w.WriteStartObject();
        w.WritePropertyName("instruction");
        Instruction(w, d.Instruction);
        w.WriteString("badRegister", d.BadRegister);
        w.WritePropertyName("operand");
        Operand(w, d.Operand);
        w.WritePropertyName("address");
        if (d.Address is { } address)
        {
            w.WriteStartObject();
            w.WriteString("value", address.Value);
            w.WriteString("class", address.Class);
            w.WriteString("explanation", address.Explanation);
            w.WriteEndObject();
        }
        else
            w.WriteNullValue();
        w.WritePropertyName("errorCode");
        ErrorCode(w, d.ErrorCode);
        w.WritePropertyName("taint");
        Array(w, d.Taint, Taint);
        w.WritePropertyName("panic");
        if (d.Panic is { } panic)
        {
            w.WriteStartObject();
            w.WriteString("reason", panic.Reason);
            w.WriteString("explanation", panic.Explanation);
            w.WriteEndObject();
        }
        else
            w.WriteNullValue();
        w.WritePropertyName("hypervisor");
        if (d.Hypervisor is { } hypervisor)
        {
            w.WriteStartObject();
            w.WriteString("outcome", hypervisor.Outcome);
            w.WriteString("line", hypervisor.Line);
            w.WriteString("effect", hypervisor.Effect);
            w.WriteEndObject();
        }
        else
            w.WriteNullValue();
        w.WriteString("trigger", d.Trigger);
        w.WritePropertyName("knownIssues");
        Array(w, d.KnownIssues, KnownIssue);
        w.WritePropertyName("mitigations");
        Array(w, d.Mitigations, Mitigation);
        w.WriteEndObject();
    }

    private static void Instruction(Utf8JsonWriter w, FaultingInstruction? instruction)
    {
        if (instruction is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("text", instruction.Text);
        w.WriteString("bytes", instruction.Bytes);
        w.WritePropertyName("context");
        Array(w, instruction.Context, (w, line) =>
        {
            w.WriteStartObject();
            w.WriteNumber("offset", line.Offset);
            w.WriteString("bytes", line.Bytes);
            w.WriteString("text", line.Text);
            w.WriteBoolean("faulting", line.Faulting);
            w.WriteEndObject();
        });
        w.WriteString("class", instruction.Class);
        w.WriteString("explanation", instruction.Explanation);
        w.WriteEndObject();
    }

    private static void Operand(Utf8JsonWriter w, OperandFinding? operand)
    {
        if (operand is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("expression", operand.Expression);
        w.WritePropertyName("registers");
        Array(w, operand.Registers, (w, register) =>
        {
            w.WriteStartObject();
            w.WriteString("name", register.Name);
            w.WriteString("value", register.Value);
            w.WriteString("role", register.Role);
            w.WriteEndObject();
        });
        w.WriteString("address", operand.Address);
        if (operand.MatchesFaultAddress is { } matches)
            w.WriteBoolean("matchesFaultAddress", matches);
        else
            w.WriteNull("matchesFaultAddress");
        w.WriteNumber("displacement", operand.Displacement);
        w.WriteString("explanation", operand.Explanation);
        w.WriteEndObject();
    }

    private static void ErrorCode(Utf8JsonWriter w, ErrorCodeFinding? code)
    {
        if (code is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("raw", code.Raw);
        w.WriteBoolean("write", code.Write);
        w.WriteBoolean("user", code.User);
        w.WriteBoolean("present", code.Present);
        w.WriteBoolean("instructionFetch", code.InstructionFetch);
        w.WriteBoolean("reservedBit", code.ReservedBit);
        w.WriteBoolean("protectionKey", code.ProtectionKey);
        w.WriteBoolean("shadowStack", code.ShadowStack);
        w.WriteString("explanation", code.Explanation);
        w.WriteEndObject();
    }

    private static void Taint(Utf8JsonWriter w, TaintFlag flag)
    {
        w.WriteStartObject();
        w.WriteString("letter", flag.Letter);
        w.WriteString("meaning", flag.Meaning);
        w.WritePropertyName("modules");
        Strings(w, flag.Modules);
        w.WriteString("note", flag.Note);
        w.WriteEndObject();
    }

    private static void KnownIssue(Utf8JsonWriter w, KnownIssueFinding issue)
    {
        w.WriteStartObject();
        w.WriteString("id", issue.Id);
        w.WriteString("title", issue.Title);
        w.WriteString("fix", issue.Fix);
        w.WritePropertyName("references");
        Strings(w, issue.References);
        w.WriteNumber("score", issue.Score);
        w.WritePropertyName("reasons");
        Strings(w, issue.Reasons);
        w.WriteEndObject();
    }

    private static void Mitigation(Utf8JsonWriter w, MitigationAdvice advice)
    {
        w.WriteStartObject();
        w.WriteString("id", advice.Id);
        w.WriteString("title", advice.Title);
        w.WriteBoolean("rebootRequired", advice.RebootRequired);
        w.WriteString("removesTrigger", advice.RemovesTrigger);
        w.WriteString("issue", advice.Issue);
        w.WritePropertyName("preconditions");
        Array(w, advice.Preconditions, (w, precondition) =>
        {
            w.WriteStartObject();
            w.WriteString("what", precondition.What);
            w.WriteString("check", precondition.Check);
            w.WriteString("expect", precondition.Expect);
            w.WriteEndObject();
        });
        w.WritePropertyName("commands");
        Strings(w, advice.Commands);
        w.WritePropertyName("persistent");
        Strings(w, advice.Persistent);
        w.WritePropertyName("undo");
        Strings(w, advice.Undo);
        w.WriteString("risk", advice.Risk);
        w.WriteString("notes", advice.Notes);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, IReadOnlyList<string>? values) =>
        Array(w, values, (w, value) => w.WriteStringValue(value));

    /// <summary>A list as an array; a null list as null (as the serializer wrote it).</summary>
    private static void Array<T>(Utf8JsonWriter w, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> item)
    {
        if (items is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartArray();
        foreach (var x in items)
            item(w, x);
        w.WriteEndArray();
    }
}
