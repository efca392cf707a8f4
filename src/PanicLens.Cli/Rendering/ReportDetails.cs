using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// What follows the first screen: the condensed call traces with the guilty frame marked, the decoded code, the
/// operand, address, error code and taint explained, the hypervisor's lines, the known issues' references, the
/// mitigations with their commands, and the registers when asked for.
/// </summary>
public sealed class ReportDetails(TextWriter output, Palette palette, bool registers)
{
    public void Write(CrashReport r)
    {
        var p = palette;
        output.WriteLine($"  {p.Strong("details")}");
        WriteTraces(r);
        var d = r.Diagnosis;
        if (d?.Instruction is { } instruction)
        {
            output.WriteLine($"  {p.Label("code, decoded around the faulting instruction")}");
            if (instruction.Explanation is not null)
                FirstScreen.Row(output, p, "", instruction.Explanation);
            DiagnosisRenderer.WriteContextText(output, instruction, p);
        }
        if (d?.Operand is { } operand)
            FirstScreen.Row(output, p, "operand", operand.Explanation);
        if (d?.Address is { } address)
            FirstScreen.Row(output, p, "address", $"{address.Value} ({address.Class}): {address.Explanation}");
        if (d?.ErrorCode is { } errorCode)
            FirstScreen.Row(output, p, "error code", $"{errorCode.Raw}: {errorCode.Explanation}");
        if (d is not null && d.Taint.Count > 0)
        {
            var label = "taint";
            foreach (var line in d.Taint.SelectMany(DiagnosisRenderer.TaintLines))
            {
                FirstScreen.Row(output, p, label, line);
                label = "";
            }
        }
        else if (d is null)
        {
            FirstScreen.Row(output, p, "taint", r.Taint ?? "not tainted");
        }
        WriteHypervisor(r);
        if (d is not null)
        {
            foreach (var issue in d.KnownIssues)
            {
                FirstScreen.Row(output, p, "known issue", $"{issue.Title} [{issue.Id}]");
                foreach (var reference in issue.References)
                    FirstScreen.Row(output, p, "", reference);
            }
            DiagnosisRenderer.WriteMitigationsText(output, d.Mitigations, p);
        }
        WriteRegisters(r);
    }

    private void WriteTraces(CrashReport r)
    {
        var guilty = r.GuiltyFrame ?? r.Function;
        var marked = false;
        var traces = CondensedTrace.Of(r);
        if (r.Ip is { } ip && (traces.Count == 0 || traces[0].Shown.Count == 0 || traces[0].Shown[0].Function != ip.Function))
        {
            output.WriteLine($"  {palette.Label("instruction pointer")}");
            marked = Frame(ip, guilty, marked, null);
        }
        foreach (var trace in traces)
        {
            var stack = trace.Stack;
            var note = trace.Folded == 0 ? "" : $"; {trace.Folded} `?` frames folded";
            var repeat = trace.RepeatOf is { } earlier ? $"; then the trace of line {earlier.StartLine} again" : "";
            output.WriteLine($"  {palette.Label($"call trace, {KindName(stack.Kind)} stack (line {stack.StartLine}, {stack.Frames.Count} frames{note}{repeat})")}");
            foreach (var frame in trace.Shown)
                marked = Frame(frame, guilty, marked, null);
            if (trace.More > 0)
                output.WriteLine(palette.Dim($"    ... {trace.More} more reliable frames (--full)"));
        }
    }

    /// <summary>Writes a frame, marking the first one that is the guilty frame; returns whether one is marked now.</summary>
    private bool Frame(Frame frame, string? guilty, bool marked, string? what)
    {
        var isGuilty = !marked && guilty is not null && Normalized(frame.Function) == Normalized(guilty);
        var text = FrameText.Format(frame).TrimStart();
        var suffix = isGuilty ? "  <- guilty frame" : "";
        if (what is not null)
            suffix += (suffix.Length == 0 ? "  <- " : ", ") + what;
        output.WriteLine(isGuilty ? $"  > {palette.Strong(text)}{suffix}" : $"    {text}{palette.Dim(suffix)}");
        return marked || isGuilty;
    }

    private static string KindName(StackKind kind) => kind.ToString().ToLowerInvariant();

    private static string Normalized(string function) => Analysis.TriggerDescriber.Normalize(function);

    private void WriteHypervisor(CrashReport r)
    {
        if (r.Hypervisor.Count == 0)
            return;
        if (r.Diagnosis?.Hypervisor is { } finding)
            FirstScreen.Row(output, palette, "hypervisor", finding.Outcome);
        var label = r.Diagnosis?.Hypervisor is null ? "hypervisor" : "";
        foreach (var line in r.Hypervisor.Take(8))
        {
            FirstScreen.Row(output, palette, label, line);
            label = "";
        }
        if (r.Hypervisor.Count > 8)
            FirstScreen.Row(output, palette, "", $"... {r.Hypervisor.Count - 8} more (XEN) lines (--full)");
    }

    private void WriteRegisters(CrashReport r)
    {
        if (r.Registers.Count == 0)
            return;
        if (!registers)
        {
            FirstScreen.Row(output, palette, "registers", $"{r.Registers.Count} printed; --registers shows them");
            return;
        }
        output.WriteLine($"  {palette.Label("registers")}");
        var cells = r.Registers.Select(kv => $"{kv.Key,-6} {Palette.Clean(kv.Value),-16}").ToList();
        for (var i = 0; i < cells.Count; i += 4)
            output.WriteLine("    " + string.Join("  ", cells.Skip(i).Take(4)).TrimEnd());
    }
}
