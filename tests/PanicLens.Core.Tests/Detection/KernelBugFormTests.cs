namespace PanicLens.Core.Tests.Detection;

/// <summary>
/// lib/bug.c report_bug() prints `kernel BUG at %s:%u!`, or `Kernel BUG at %pS [verbose debug info unavailable]`:
/// `BUG` then ` at `. Prose (`kernel BUG log:`, `the kernel BUG below`) and syzbot's titles (`kernel BUG in f`) open no
/// report. Each case runs under several prefixes.
/// </summary>
public sealed class KernelBugFormTests
{
    private static readonly string[] PrefixStyles =
        ["", "[   24.110172] ", "> > ", "2024-06-03T21:04:49.730983+02:00 mike kernel: [   24.110172] ", "<4>[ 1303.081180] ", "[  89.1][ T1234] "];

    [Theory]
    [InlineData("kernel BUG at lib/list_debug.c:56!", true)]
    [InlineData("kernel BUG at fs/ext4/inode.c:2725!", true)]
    [InlineData("Kernel BUG at ext4_writepages+0x1/0x2 [verbose debug info unavailable]", true)]
    [InlineData("kernel BUG at drivers/md/raid5.c:5311!", true)]
    [InlineData("kernel BUG ", true)]            // a wrap cut the line after `BUG`
    [InlineData("kernel BUG at", true)]          // ... or after `at`
    [InlineData("kernel BUG in drop_ref", false)]
    [InlineData("kernel BUG log:", false)]
    [InlineData("kernel BUG below will happen. Also free core, hal_srng and ce resources during", false)]
    [InlineData("Kernel BUG noticed on arm architecture on linux next 20200824 tag kernel", false)]
    public void Only_BUGs_own_line_opens_a_report(string line, bool opens)
    {
        HeaderForms.AssertOpens(line, opens, PrefixStyles);
    }
}
