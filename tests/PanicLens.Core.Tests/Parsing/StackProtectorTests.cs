using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// kernel/panic.c __stack_chk_fail: `panic("stack-protector: Kernel stack is corrupted in: %pB\n",
/// __builtin_return_address(0))` names the function whose canary broke, with its module; kernels before %pB printed
/// the bare address. The report names that function with or without the trace that follows, under every envelope.
/// </summary>
public sealed class StackProtectorTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[    3.867878] ", "[    3.867878][    T1] ", "> > [    3.867878] ", "Jul 21 21:45:56 host kernel: [ 5533.894966] ", "    ",
    };

    private const string Header = "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: ";

    private static readonly string[] Trace =
    [
        "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0 #1", "Call trace:", " dump_backtrace+0x0/0x1a0", " show_stack+0x18/0x28",
        " dump_stack+0xc8/0x104", " panic+0x16c/0x334", " __stack_chk_fail+0x24/0x28", " edt_ft5x06_ts_probe+0x5c4/0xb00 [edt_ft5x06]",
        " i2c_device_probe+0x1f0/0x2a0",
    ];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void The_header_names_the_function_with_or_without_a_trace(string envelope)
    {
        foreach (var (named, module) in new[] { ("edt_ft5x06_ts_probe+0x5c4/0xb00", (string?)null), ("edt_ft5x06_ts_probe+0x5c4/0xb00 [edt_ft5x06]", "edt_ft5x06") })
            foreach (var withTrace in new[] { false, true })
            {
                var lines = new[] { Header + named }.Concat(withTrace ? Trace : []);
                var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
                Assert.Equal("edt_ft5x06_ts_probe", report.Function);
                Assert.Equal("kernel panic: stack is corrupted in edt_ft5x06_ts_probe", report.Title);
                if (!withTrace)
                    Assert.Equal(module, report.Module);
            }
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_bare_address_leaves_the_function_to_the_trace(string envelope)
    {
        var lines = new[] { Header + "ffffffffa0123456" }.Concat(Trace);
        var report = Assert.Single(CorpusPipeline.Reports(string.Concat(lines.Select(l => envelope + l + "\n"))));
        Assert.Equal("edt_ft5x06_ts_probe", report.Function);
    }
}
