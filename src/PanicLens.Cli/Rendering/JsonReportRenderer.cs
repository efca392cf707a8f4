using System.Text.Encodings.Web;
using System.Text.Json;
using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// The JSON contract v1 (README "JSON output"): one document `{"schemaVersion":1,"reports":[...]}` written as the
/// reports stream in, so memory does not grow with the number of reports. Field names are written out here, one by
/// one, so that a rename in the model can never silently change the contract.
/// </summary>
public sealed class JsonReportRenderer(Stream output) : IReportRenderer, IDisposable
{
    public const int SchemaVersion = 1;

    private readonly Utf8JsonWriter writer = new(output, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public void Begin()
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteStartArray("reports");
    }

    public void Write(CrashReport r)
    {
        var w = writer;
        w.WriteStartObject();
        w.WriteString("source", r.Source);
        w.WriteString("title", r.Title);
        WriteStrings("altTitles", r.AltTitles);
        w.WriteString("type", r.Type);
        w.WriteBoolean("corrupted", r.Corrupted);
        w.WriteString("corruptionReason", r.CorruptionReason);
        w.WriteString("kind", r.Kind);
        w.WriteString("message", r.Message);
        w.WriteNumber("startLine", r.StartLine);
        w.WriteNumber("endLine", r.EndLine);
        w.WriteString("timestamp", r.Timestamp);
        w.WriteString("kernel", r.Kernel);
        w.WriteString("arch", r.Arch);
        w.WriteString("hardware", r.Hardware);
        if (r.Process is null)
            w.WriteNull("process");
        else
        {
            w.WriteStartObject("process");
            w.WriteString("comm", r.Process.Comm);
            WriteNumber("pid", r.Process.Pid);
            w.WriteEndObject();
        }
        WriteNumber("cpu", r.Cpu);
        w.WriteString("taint", r.Taint);
        w.WriteString("faultAddress", r.FaultAddress);
        w.WriteString("function", r.Function);
        w.WriteString("module", r.Module);
        w.WriteString("guiltyFrame", r.GuiltyFrame);
        if (r.Ip is null)
            w.WriteNull("ip");
        else
        {
            w.WritePropertyName("ip");
            WriteFrame(r.Ip, withReliable: false);
        }
        w.WriteStartArray("frames");
        foreach (var frame in PrimaryFrames(r))
            WriteFrame(frame, withReliable: true);
        w.WriteEndArray();
        w.WriteString("panic", r.Panic);
        WriteStrings("hypervisor", r.Hypervisor);
        w.WriteString("oopsCode", r.OopsCode);
        WriteNumber("oopsCount", r.OopsCount);
        w.WriteString("errorCode", r.ErrorCode);
        w.WriteString("pageTableWalk", r.PageTableWalk);
        w.WriteString("codeSegment", r.CodeSegment);
        w.WriteStartObject("registers");
        foreach (var (name, value) in r.Registers)
            w.WriteString(name, value);
        w.WriteEndObject();
        if (r.Code is null)
            w.WriteNull("code");
        else
        {
            w.WriteStartObject("code");
            w.WriteString("text", r.Code.Text);
            w.WriteNumber("faultIndex", r.Code.FaultIndex);
            w.WriteNumber("wordSize", r.Code.WordSize);
            w.WriteEndObject();
        }
        w.WriteStartArray("modules");
        foreach (var module in r.Modules)
            w.WriteStringValue(module.Flags is null ? module.Name : $"{module.Name}({module.Flags})");
        w.WriteEndArray();
        w.WriteString("lastUnloaded", r.LastUnloaded);
        w.WriteStartArray("stacks");
        foreach (var stack in r.Stacks)
        {
            w.WriteStartObject();
            w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(stack.Kind.ToString()));
            w.WriteString("header", stack.Header);
            w.WriteNumber("startLine", stack.StartLine);
            w.WriteStartArray("frames");
            foreach (var frame in stack.Frames)
                WriteFrame(frame, withReliable: true);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("diagnosis");
        if (r.Diagnosis is null)
            w.WriteNullValue();
        else
            DiagnosisJsonWriter.Write(w, r.Diagnosis);
        w.WriteEndObject();
        w.Flush();
    }

    public void End(int inputs, int reports)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    public void Dispose() => writer.Dispose();

    /// <summary>The frames of the report's own call trace: the first task stack, else the first stack printed.</summary>
    public static IReadOnlyList<Frame> PrimaryFrames(CrashReport r)
    {
        foreach (var stack in r.Stacks)
            if (stack.Kind == StackKind.Task)
                return stack.Frames;
        return r.Stacks.Count > 0 ? r.Stacks[0].Frames : [];
    }

    private void WriteFrame(Frame f, bool withReliable)
    {
        writer.WriteStartObject();
        writer.WriteString("function", f.Function);
        writer.WriteString("offset", f.Offset);
        writer.WriteString("size", f.Size);
        writer.WriteString("module", f.Module);
        if (withReliable)
        {
            writer.WriteBoolean("reliable", f.Reliable);
            if (f.Source is not null)
                writer.WriteString("source", f.Source);
            if (f.Inline)
                writer.WriteBoolean("inline", true);
        }
        writer.WriteEndObject();
    }

    private void WriteStrings(string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
            writer.WriteStringValue(v);
        writer.WriteEndArray();
    }

    private void WriteNumber(string name, int? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }
}
