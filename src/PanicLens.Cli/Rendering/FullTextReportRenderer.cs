using PanicLens.Cli.Localization;
using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>`analyze --full`: one block per report with every field, every trace and the whole diagnosis, as read.</summary>
public sealed class FullTextReportRenderer(TextWriter output, Palette palette) : IReportRenderer
{
    /// <summary>Frames shown per stack before the rest is summarised; the JSON output always has them all.</summary>
    public const int MaxFramesShown = 40;

    private int index;

    public void Begin()
    {
    }

    public void Write(CrashReport r)
    {
        index++;
        var p = palette;
        output.WriteLine(p.Dim(Words.Format("report.header", index, Palette.Clean(r.Source), r.StartLine, r.EndLine)));
        output.WriteLine(p.Title(Palette.Clean(r.Title.Length > 0 ? r.Title : r.Message)));
        foreach (var (label, value) in Fields(r))
            output.WriteLine($"  {p.Label(TextWrap.Pad(label, 12))}{Palette.Clean(value)}");
        foreach (var stack in r.Stacks)
            WriteStack(stack);
        if (r.Diagnosis is not null)
            DiagnosisRenderer.WriteText(output, r.Diagnosis, p.Enabled);
        output.WriteLine();
    }

    public void End(int inputs, int reports)
    {
        output.WriteLine(palette.Dim(TextReportRenderer.EndLine(inputs, reports)));
    }

    /// <summary>The summary rows, in reading order; rows with nothing to say are left out.</summary>
    public static IEnumerable<(string Label, string Value)> Fields(CrashReport r)
    {
        yield return (Words.Get("label.type"), r.Type.Length > 0 ? r.Type : Words.Get("word.unknown-paren"));
        if (r.Corrupted)
            yield return (Words.Get("label.corrupted"), r.CorruptionReason ?? Words.Get("word.yes"));
        if (r.Timestamp is not null)
            yield return (Words.Get("label.time"), r.Timestamp);
        if (r.Function is not null)
            yield return (Words.Get("label.function"), r.Function + (r.Module is null ? "" : $" [{r.Module}]"));
        if (r.Ip is not null)
            yield return (Words.Get("label.ip"), FrameText.Format(r.Ip).Trim() + (r.CodeSegment is null ? "" : $"  (cs {r.CodeSegment})"));
        if (r.FaultAddress is not null)
            yield return (Words.Get("label.address"), r.FaultAddress);
        if (r.OopsCode is not null || r.ErrorCode is not null)
            yield return (Words.Get("label.oops"), string.Join("  ", new[] { r.OopsCode is null ? null : $"{r.OopsCode} [#{r.OopsCount}]", r.ErrorCode }.Where(s => s is not null)));
        if (r.Process is not null)
            yield return (Words.Get("label.process"), Words.Format("full.process", r.Process.Comm, r.Process.Pid?.ToString() ?? "?") + (r.Cpu is null ? "" : Words.Format("full.on-cpu", r.Cpu)));
        if (r.Kernel is not null || r.Arch is not null)
            yield return (Words.Get("label.kernel"), $"{r.Kernel ?? "?"}" + (r.Arch is null ? "" : $" ({r.Arch})"));
        if (r.Hardware is not null)
            yield return (Words.Get("label.hardware"), r.Hardware);
        yield return (Words.Get("label.taint"), r.Taint ?? Words.Get("details.not-tainted"));
        if (r.Modules.Count > 0 || r.LastUnloaded is not null)
            yield return (Words.Get("label.modules"), Words.Format("full.modules", r.Modules.Count) + (r.LastUnloaded is null ? "" : Words.Format("full.last-unloaded", r.LastUnloaded)));
        if (r.Panic is not null)
            yield return (Words.Get("label.panic"), r.Panic);
        foreach (var line in r.Hypervisor.Take(8))
            yield return (Words.Get("label.hypervisor"), line);
        if (r.Hypervisor.Count > 8)
            yield return (Words.Get("label.hypervisor"), Words.Format("full.more-xen", r.Hypervisor.Count - 8));
    }

    private void WriteStack(CallTrace stack)
    {
        output.WriteLine($"  {palette.Strong(Words.Format("full.stack", FrameText.StackName(stack.Kind)))}{palette.Dim(Words.Format("full.stack-lines", stack.StartLine, stack.Frames.Count))}");
        foreach (var frame in stack.Frames.Take(MaxFramesShown))
        {
            var text = FrameText.Format(frame);
            output.WriteLine("    " + (frame.Reliable ? text : palette.Dim(text)));
        }
        if (stack.Frames.Count > MaxFramesShown)
            output.WriteLine(palette.Dim("    " + Words.Format("full.more-frames", stack.Frames.Count - MaxFramesShown)));
    }
}
