using PanicLens.Cli.Localization;
using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>How a frame reads in text output: `? func+0x1/0x2 [mod]`, as the kernel prints it.</summary>
public static class FrameText
{
    public static string Format(Frame frame)
    {
        var text = frame.Function;
        if (frame.Offset is not null)
            text += "+0x" + frame.Offset + (frame.Size is null ? "" : "/0x" + frame.Size);
        if (frame.Module is not null)
            text += " [" + frame.Module + "]";
        if (frame.Source is not null)
            text += " " + frame.Source;
        if (frame.Inline)
            text += " (inline)";
        return (frame.Reliable ? "  " : "? ") + Palette.Clean(text);
    }

    /// <summary>The stack's kind in words: `task`, `irq`...</summary>
    public static string StackName(StackKind kind) => Words.Get(kind switch
    {
        StackKind.Task => "stack.task",
        StackKind.Irq => "stack.irq",
        StackKind.SoftIrq => "stack.softirq",
        StackKind.Nmi => "stack.nmi",
        StackKind.Exception => "stack.exception",
        StackKind.Allocation => "stack.allocation",
        StackKind.Free => "stack.free",
        _ => "stack.other",
    });
}
