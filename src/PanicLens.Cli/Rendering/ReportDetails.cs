using PanicLens.Cli.Localization;
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
        output.WriteLine($"  {p.Strong(Words.Get("details.heading"))}");
        WriteTraces(r);
        var d = r.Diagnosis;
        if (d?.Instruction is { } instruction)
        {
            output.WriteLine($"  {p.Label(Words.Get("details.code"))}");
            if (instruction.Explanation is not null)
                FirstScreen.Row(output, p, "", instruction.Explanation);
            DiagnosisRenderer.WriteContextText(output, instruction, p);
        }
        if (d?.Operand is { } operand)
            FirstScreen.Row(output, p, Words.Get("label.operand"), operand.Explanation);
        if (d?.Address is { } address)
            FirstScreen.Row(output, p, Words.Get("label.address"), Words.Format("details.address", address.Value, address.Class, address.Explanation));
        if (d?.ErrorCode is { } errorCode)
            FirstScreen.Row(output, p, Words.Get("label.error-code"), Words.Format("details.error-code", errorCode.Raw, errorCode.Explanation));
        if (d is not null && d.Taint.Count > 0)
        {
            var label = Words.Get("label.taint");
            foreach (var line in d.Taint.SelectMany(DiagnosisRenderer.TaintLines))
            {
                FirstScreen.Row(output, p, label, line);
                label = "";
            }
        }
        else if (d is null)
        {
            FirstScreen.Row(output, p, Words.Get("label.taint"), r.Taint ?? Words.Get("details.not-tainted"));
        }
        WriteHypervisor(r);
        if (d is not null)
        {
            foreach (var issue in d.KnownIssues)
            {
                FirstScreen.Row(output, p, Words.Get("label.known-issue"), $"{issue.Title} [{issue.Id}]");
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
            output.WriteLine($"  {palette.Label(Words.Get("details.ip"))}");
            marked = Frame(ip, guilty, marked, null);
        }
        foreach (var trace in traces)
        {
            var stack = trace.Stack;
            var note = trace.Folded == 0 ? "" : Words.Format("details.folded", trace.Folded);
            var repeat = trace.RepeatOf is { } earlier ? Words.Format("details.repeat", earlier.StartLine) : "";
            var kind = FrameText.StackName(stack.Kind);
            output.WriteLine($"  {palette.Label(Words.Format("details.trace", kind, stack.StartLine, stack.Frames.Count, note, repeat))}");
            foreach (var frame in trace.Shown)
                marked = Frame(frame, guilty, marked, null);
            if (trace.More > 0)
                output.WriteLine(palette.Dim("    " + Words.Format("details.more-frames", trace.More)));
        }
    }

    /// <summary>Writes a frame, marking the first one that is the guilty frame; returns whether one is marked now.</summary>
    private bool Frame(Frame frame, string? guilty, bool marked, string? what)
    {
        var isGuilty = !marked && guilty is not null && Normalized(frame.Function) == Normalized(guilty);
        var text = FrameText.Format(frame).TrimStart();
        var suffix = isGuilty ? "  " + Words.Get("details.guilty") : "";
        if (what is not null)
            suffix += (suffix.Length == 0 ? "  <- " : ", ") + what;
        output.WriteLine(isGuilty ? $"  > {palette.Strong(text)}{suffix}" : $"    {text}{palette.Dim(suffix)}");
        return marked || isGuilty;
    }

    private static string Normalized(string function) => Analysis.TriggerDescriber.Normalize(function);

    private void WriteHypervisor(CrashReport r)
    {
        if (r.Hypervisor.Count == 0)
            return;
        if (r.Diagnosis?.Hypervisor is { } finding)
            FirstScreen.Row(output, palette, Words.Get("label.hypervisor"), finding.Outcome);
        var label = r.Diagnosis?.Hypervisor is null ? Words.Get("label.hypervisor") : "";
        foreach (var line in r.Hypervisor.Take(8))
        {
            FirstScreen.Row(output, palette, label, line);
            label = "";
        }
        if (r.Hypervisor.Count > 8)
            FirstScreen.Row(output, palette, "", Words.Format("details.more-xen", r.Hypervisor.Count - 8));
    }

    private void WriteRegisters(CrashReport r)
    {
        if (r.Registers.Count == 0)
            return;
        if (!registers)
        {
            FirstScreen.Row(output, palette, Words.Get("label.registers"), Words.Format("details.registers-hint", r.Registers.Count));
            return;
        }
        output.WriteLine($"  {palette.Label(Words.Get("label.registers"))}");
        var cells = r.Registers.Select(kv => $"{kv.Key,-6} {Palette.Clean(kv.Value),-16}").ToList();
        for (var i = 0; i < cells.Count; i += 4)
            output.WriteLine("    " + string.Join("  ", cells.Skip(i).Take(4)).TrimEnd());
    }
}
