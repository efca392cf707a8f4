using PanicLens.Ingest;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Ingest;

public sealed class HtmlEntitiesTests
{
    [Theory]
    [InlineData("[&lt;c05596bc&gt;] (dump_backtrace) from [&lt;c055995c&gt;] (show_stack+0x18/0x1c)", "[<c05596bc>] (dump_backtrace) from [<c055995c>] (show_stack+0x18/0x1c)")]
    [InlineData("[  105.5] [&lt;c05596bc&gt;] (dump_backtrace) from [&lt;c055995c&gt;] (show_stack+0x18/0x1c)", "[<c05596bc>] (dump_backtrace) from [<c055995c>] (show_stack+0x18/0x1c)")]
    [InlineData("&gt; [  12.3] Call Trace:", "Call Trace:")]
    [InlineData("WARNING: CPU: 0 PID: 1 at drivers/frob.c:12 frob_probe+0x1/0x2 [frob] &amp; more", "WARNING: CPU: 0 PID: 1 at drivers/frob.c:12 frob_probe+0x1/0x2 [frob] & more")]
    public void Escaped_console_text_reads_as_the_kernel_printed_it(string raw, string text)
    {
        Assert.Equal(text, LineReader.Read(raw + "\n").Single().Text);
    }

    [Theory]
    [InlineData("a && b")]
    [InlineData("R&D lab & co")]
    [InlineData("&ltx;")]
    public void Other_ampersands_stay(string raw)
    {
        Assert.Equal(raw, LineReader.Read(raw + "\n").Single().Text);
    }

    [Fact]
    public void An_escaped_arm_frame_is_a_frame()
    {
        var text = LineReader.Read("[&lt;c0559cb4&gt;] (panic) from [&lt;c07074c0&gt;] (mount_block_root+0x184/0x210)\n").Single().Text;
        Assert.True(FrameParser.TryParseFrame(text, out var frame));
        Assert.Equal("panic", frame.Function);
    }
}
