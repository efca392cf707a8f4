using System.Text;
using PanicLens.Core.Tests.Signatures;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>
/// PREEMPT_RT's processor field after the printk time (`[    4.896294] 000: `): read past on every line, so a report of an
/// RT kernel names its function, task and release; kernel text that merely starts with digits and a colon is kept.
/// </summary>
public sealed class RtCpuFieldTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("003")]
    [InlineData("127")]
    [InlineData("1023")]
    public void An_rt_kernel_s_warning_is_read_through_the_field(string cpu)
    {
        foreach (var layer in new[] { "", "> ", "    " })
        {
            var stamp = $"[    4.896294] {cpu}: ";
            var log = string.Concat(new[]
            {
                "WARNING: CPU: 0 PID: 0 at kernel/irq/handle.c:152 __handle_irq_event_percpu+0x154/0x168",
                "Modules linked in:", "CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.3.6-rt1 #39",
                "Hardware name: Raspberry Pi 3 Model B+ (DT)", "pc : __handle_irq_event_percpu+0x154/0x168",
                "lr : __handle_irq_event_percpu+0x154/0x168", "Call trace:", " __handle_irq_event_percpu+0x154/0x168",
                " handle_irq_event_percpu+0x38/0x90", " handle_irq_event+0x4c/0xe8",
            }.Select(line => layer + stamp + line + "\n"));
            var report = Assert.Single(CorpusPipeline.Reports(log));
            Assert.Equal("WARNING in __handle_irq_event_percpu", report.Title);
            Assert.Equal("__handle_irq_event_percpu", report.Function);
            Assert.Equal("swapper/0", report.Process?.Comm);
            Assert.Equal("5.3.6-rt1", report.Kernel);
        }
    }

    [Theory]
    [InlineData("0000:00:1f.3: enabling device (0000 -> 0002)")]
    [InlineData("8021q: adding VLAN 0 to HW filter")]
    [InlineData("1-1: new high-speed USB device number 2")]
    [InlineData("12: not three digits")]
    [InlineData("00000: five digits")]
    [InlineData("000:glued")]
    public void Kernel_text_starting_with_digits_is_kept(string text)
    {
        var line = Assert.Single(LineReader.Read(new MemoryStream(Encoding.Latin1.GetBytes("[    4.896294] " + text + "\n"))));
        Assert.Equal(text, line.Text);
    }
}
