using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>A console prefix marks a line stamped; the quoting and indentation a mail adds do not.</summary>
public sealed class StampedLineTests
{
    [Theory]
    [InlineData("[ 1234.567890] Call Trace:")]
    [InlineData("[  +0.000123] Call Trace:")]
    [InlineData("[Sat Jan 14 01:04:26 2017] Call Trace:")]
    [InlineData("<4>Call Trace:")]
    [InlineData("[T123] Call Trace:")]
    [InlineData("kern  :warn  : Call Trace:")]
    [InlineData("00: Call Trace:")]
    [InlineData("> [ 1234.567890] Call Trace:")]
    [InlineData("    Jan 14 01:04:26 host kernel: Call Trace:")]
    public void A_console_prefix_marks_the_line_stamped(string raw)
    {
        var line = LineReader.Read(raw + "\n").Single();
        Assert.Equal("Call Trace:", line.Text);
        Assert.True(line.Stamped, raw);
    }

    [Theory]
    [InlineData("Call Trace:")]
    [InlineData("> Call Trace:")]
    [InlineData(">> Call Trace:")]
    [InlineData("| Call Trace:")]
    public void Quoting_alone_does_not(string raw)
    {
        var line = LineReader.Read(raw + "\n").Single();
        Assert.Equal("Call Trace:", line.Text.Trim());
        Assert.False(line.Stamped, raw);
    }
}
