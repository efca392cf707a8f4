using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class ErrorCodeDecoderTests
{
    [Theory]
    [InlineData("0000", false, false, false, false)]
    [InlineData("0002", true, false, false, false)]
    [InlineData("0003", true, false, true, false)]
    [InlineData("0004", false, true, false, false)]
    [InlineData("0011", false, false, true, true)]
    [InlineData("error_code(0x0010) - not-present page", false, false, false, true)]
    [InlineData("0x0002", true, false, false, false)]
    public void Error_code_bits_decode(string raw, bool write, bool user, bool present, bool fetch)
    {
        var finding = ErrorCodeDecoder.Decode(raw)!;

        Assert.Equal(write, finding.Write);
        Assert.Equal(user, finding.User);
        Assert.Equal(present, finding.Present);
        Assert.Equal(fetch, finding.InstructionFetch);
    }

    [Fact]
    public void Seed_error_code_is_a_kernel_read_of_a_not_present_page()
    {
        var finding = new Diagnoser().Diagnose(TestReports.Seed()).ErrorCode!;

        Assert.Equal("0x0000", finding.Raw);
        Assert.Equal("The page was not present (not mapped), a read, from kernel mode.", finding.Explanation);
    }

    [Fact]
    public void Reserved_bit_means_corrupt_page_tables()
    {
        var finding = ErrorCodeDecoder.Decode("0009")!;

        Assert.True(finding.ReservedBit);
        Assert.Contains("corrupt page tables", finding.Explanation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    public void Unreadable_error_codes_give_null(string? raw) => Assert.Null(ErrorCodeDecoder.Decode(raw));

    [Fact]
    public void A_bug_report_oops_code_is_not_decoded_as_page_fault_bits()
    {
        var report = TestReports.Empty("kernel BUG at fs/buffer.c:1270!");
        report.Arch = "x86_64";
        report.OopsCode = "0000";

        Assert.Null(new Diagnoser().Diagnose(report).ErrorCode);
    }
}
