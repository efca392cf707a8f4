using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

public sealed class CrashKernelSizeTests
{
    [Theory]
    [InlineData("256M", 32L << 30, 256L << 20)]
    [InlineData("64M@16M", 18L << 30, 64L << 20)]
    [InlineData("512M,high", 8L << 30, 512L << 20)]
    [InlineData("1G-4G:192M,4G-64G:256M,64G-:512M", 2L << 30, 192L << 20)]
    [InlineData("1G-4G:192M,4G-64G:256M,64G-:512M", 63L << 30, 256L << 20)]
    [InlineData("1G-4G:192M,4G-64G:256M,64G-:512M", 64L << 30, 512L << 20)]
    [InlineData("1G-4G:192M", 512L << 20, 0L)]
    public void A_crashkernel_value_reserves_what_the_kernel_would_for_that_RAM(string value, long ram, long reserved)
    {
        Assert.Equal(reserved, CrashKernelSize.Reserves(value, ram));
    }

    [Fact]
    public void Auto_and_garbage_are_not_sizes()
    {
        Assert.Null(CrashKernelSize.Reserves("auto", 8L << 30));
        Assert.Null(CrashKernelSize.Reserves("lots", 8L << 30));
    }

    [Fact]
    public void The_recommendation_grows_with_RAM()
    {
        Assert.Equal(192L << 20, CrashKernelSize.RecommendedBytes(2L << 30));
        Assert.Equal(256L << 20, CrashKernelSize.RecommendedBytes(32L << 30));
        Assert.Equal(512L << 20, CrashKernelSize.RecommendedBytes(256L << 30));
        Assert.Equal(1L << 30, CrashKernelSize.RecommendedBytes(2L << 40));
    }
}
