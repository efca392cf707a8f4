using PanicLens.Mining.Mining;

namespace PanicLens.Mining.Tests;

public sealed class CrashPrefilterTests
{
    [Fact]
    public void A_trace_with_a_header_is_a_crash() =>
        Assert.True(CrashPrefilter.HoldsCrash("> WARNING: CPU: 1 PID: 40 at x.c:3 foo+0x54/0x90\n> Call Trace:\n>  bar+0x1/0x2\n"));

    [Fact]
    public void Checkpatch_warnings_are_not_a_crash() =>
        Assert.False(CrashPrefilter.HoldsCrash("WARNING: line length of 101 exceeds 100 columns\n#12: FILE: foo.c:12:\n"));

    [Fact]
    public void A_symbol_without_any_header_is_not_a_crash() =>
        Assert.False(CrashPrefilter.HoldsCrash("perf shows foo+0x10/0x20 as the hottest symbol\n"));
}
