using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Renders a <see cref="KdumpPlan"/> as numbered steps with their commands and reasons.</summary>
public static class KdumpPlanRenderer
{
    public static void Render(KdumpPlan plan, string? source, TextWriter output)
    {
        var ram = plan.RamBytes is { } bytes ? $"{bytes >> 20} MiB RAM" : "RAM unknown";
        output.WriteLine($"kdump plan for {plan.Distro}{(plan.Xen ? " (Xen Dom0)" : "")}, {ram}: crashkernel={plan.CrashKernel}{(source is null ? "" : $" (read from {source})")}");
        foreach (var step in plan.Steps)
        {
            output.WriteLine();
            output.WriteLine($"{step.Number}. {step.Title}");
            foreach (var command in step.Commands)
                output.WriteLine($"     {command}");
            output.WriteLine($"   why: {step.Why}");
        }
    }
}
