using PanicLens.Cli.Localization;
using PanicLens.Localization;
using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Renders a <see cref="KdumpPlan"/> as numbered steps with their commands and reasons.</summary>
public static class KdumpPlanRenderer
{
    public static void Render(KdumpPlan plan, string? source, TextWriter output)
    {
        var ram = plan.RamBytes is { } bytes ? Words.Format("check.ram", bytes >> 20) : Words.Get("check.ram-unknown");
        output.WriteLine(Words.Format("plan.heading", plan.Distro + (plan.Xen ? " (Xen Dom0)" : ""), ram, plan.CrashKernel, source is null ? "" : Words.Format("plan.source", source)));
        foreach (var step in plan.Steps)
        {
            output.WriteLine();
            output.WriteLine($"{step.Number}. {Sentences.Translate(step.Title)}");
            foreach (var command in step.Commands)
                output.WriteLine($"     {command}");
            output.WriteLine("   " + Words.Format("plan.why", Sentences.Translate(step.Why)));
        }
    }
}
