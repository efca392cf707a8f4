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
}
