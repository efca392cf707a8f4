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
        output.WriteLine(p.Dim($"── report {index} · {Palette.Clean(r.Source)} lines {r.StartLine}-{r.EndLine}"));
        output.WriteLine(p.Title(Palette.Clean(r.Title.Length > 0 ? r.Title : r.Message)));
        foreach (var (label, value) in Fields(r))
            output.WriteLine($"  {p.Label(label.PadRight(12))}{Palette.Clean(value)}");
        foreach (var stack in r.Stacks)
            WriteStack(stack);
        if (r.Diagnosis is not null)
            DiagnosisRenderer.WriteText(output, r.Diagnosis, p.Enabled);
        output.WriteLine();
    }

    public void End(int inputs, int reports)
    {
        var noun = reports == 1 ? "crash report" : "crash reports";
        output.WriteLine(palette.Dim($"{reports} {noun} in {inputs} input{(inputs == 1 ? "" : "s")}."));
    }

    /// <summary>The summary rows, in reading order; rows with nothing to say are left out.</summary>
    public static IEnumerable<(string Label, string Value)> Fields(CrashReport r)
    {
        yield return ("type", r.Type.Length > 0 ? r.Type : "(unknown)");
        if (r.Corrupted)
            yield return ("corrupted", r.CorruptionReason ?? "yes");
        if (r.Timestamp is not null)
            yield return ("time", r.Timestamp);
        if (r.Function is not null)
            yield return ("function", r.Function + (r.Module is null ? "" : $" [{r.Module}]"));
        if (r.Ip is not null)
            yield return ("ip", FrameText.Format(r.Ip).Trim() + (r.CodeSegment is null ? "" : $"  (cs {r.CodeSegment})"));
        if (r.FaultAddress is not null)
            yield return ("address", r.FaultAddress);
        if (r.OopsCode is not null || r.ErrorCode is not null)
            yield return ("oops", string.Join("  ", new[] { r.OopsCode is null ? null : $"{r.OopsCode} [#{r.OopsCount}]", r.ErrorCode }.Where(s => s is not null)));
        if (r.Process is not null)
            yield return ("process", $"{r.Process.Comm} (pid {r.Process.Pid?.ToString() ?? "?"})" + (r.Cpu is null ? "" : $" on CPU {r.Cpu}"));
        if (r.Kernel is not null || r.Arch is not null)
            yield return ("kernel", $"{r.Kernel ?? "?"}" + (r.Arch is null ? "" : $" ({r.Arch})"));
        if (r.Hardware is not null)
            yield return ("hardware", r.Hardware);
        yield return ("taint", r.Taint ?? "not tainted");
        if (r.Modules.Count > 0 || r.LastUnloaded is not null)
            yield return ("modules", $"{r.Modules.Count} linked in" + (r.LastUnloaded is null ? "" : $"; last unloaded {r.LastUnloaded}"));
        if (r.Panic is not null)
            yield return ("panic", r.Panic);
        foreach (var line in r.Hypervisor.Take(8))
            yield return ("hypervisor", line);
        if (r.Hypervisor.Count > 8)
            yield return ("hypervisor", $"... {r.Hypervisor.Count - 8} more (XEN) lines");
    }

    private void WriteStack(CallTrace stack)
    {
        output.WriteLine($"  {palette.Strong($"{stack.Kind} stack")}{palette.Dim($" (line {stack.StartLine}, {stack.Frames.Count} frames)")}");
        foreach (var frame in stack.Frames.Take(MaxFramesShown))
        {
            var text = FrameText.Format(frame);
            output.WriteLine("    " + (frame.Reliable ? text : palette.Dim(text)));
        }
        if (stack.Frames.Count > MaxFramesShown)
            output.WriteLine(palette.Dim($"    ... {stack.Frames.Count - MaxFramesShown} more frames (see --format json)"));
    }
}
