using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>The bare `kernel: ` syslog tag, alone or stacked with other prefixes, in every place a collector puts it.</summary>
public sealed class KernelTagPrefixTests
{
    [Theory]
    [InlineData("kernel: ")]
    [InlineData("kernel:\t")]
    [InlineData(" kernel: ")]
    [InlineData("[35824.733029] kernel: ")]
    [InlineData("<4>kernel: ")]
    [InlineData("<4>[ 12.5] kernel: ")]
    [InlineData("2024-03-02T10:00:01Z kernel: ")]
    public void The_bare_kernel_tag_is_stripped_and_marks_kernel_origin(string prefix)
    {
        foreach (var text in new[] { "Call Trace:", " percpu_counter_destroy+0x24/0x80", "CPU: 1 PID: 2 Comm: kworker/1:2 Not tainted 5.16.5 #1" })
        {
            var line = LineReader.Read(prefix + text + "\n").Single();
            Assert.Equal(text, line.Text);
            Assert.Equal("kernel", line.Origin);
        }
    }

    [Theory]
    [InlineData("kernel:")]
    [InlineData(" kernel:")]
    public void The_tag_glued_to_a_printk_stamp_is_stripped_with_it(string tag)
    {
        var line = LineReader.Read(tag + "[14889.641143] Internal error: Oops: 5 [#1] SMP ARM\n").Single();
        Assert.Equal("Internal error: Oops: 5 [#1] SMP ARM", line.Text);
        Assert.Equal("14889.641143", line.Uptime);
    }

    [Theory]
    [InlineData("kernelspace: text")]
    [InlineData("kernel:text")]
    [InlineData("the new kernel: text")]
    [InlineData("a_b kernel: text")]
    public void Words_that_only_begin_like_the_tag_stay(string text)
    {
        Assert.Equal(text, LineReader.Read(text + "\n").Single().Text);
    }
}
