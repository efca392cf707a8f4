using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>The one check of a frame line's reading that the era- and capture-form tests share.</summary>
internal static class ParsedFrameAssert
{
    public static void Reads(string line, string function, string? module, bool reliable)
    {
        Assert.True(FrameParser.TryParseFrame(line, out var frame), line);
        Assert.Equal(function, frame.Function);
        Assert.Equal(module, frame.Module);
        Assert.Equal(reliable, frame.Reliable);
    }
}
