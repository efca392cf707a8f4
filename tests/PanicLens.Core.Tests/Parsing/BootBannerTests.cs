using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

public sealed class BootBannerTests
{
    [Fact]
    public void Release_before_a_line_ignores_banners_printed_after_it()
    {
        var banner = new BootBanner();
        banner.Observe(new LogLine(4, "Linux version 3.10.0-49.el7.x86_64 (mockbuild@x) (gcc version 4.8.2) #1 SMP", null, null));
        banner.Observe(new LogLine(90, "Linux version 4.18.0+  #37 SMP Thu Nov 19 10:38:16 CST 2020", null, null));
        Assert.Null(banner.ReleaseBefore(4));
        Assert.Equal("3.10.0-49.el7.x86_64", banner.ReleaseBefore(50));
        Assert.Equal("4.18.0+", banner.ReleaseBefore(91));
        Assert.Equal("4.18.0+", banner.Release);
    }

    [Fact]
    public void Text_that_only_mentions_linux_gives_no_release()
    {
        var banner = new BootBanner();
        banner.Observe(new LogLine(1, "usb usb1: Manufacturer: Linux 5.13.x xhci-hcd", null, null));
        banner.Observe(new LogLine(2, "Linux version ", null, null));
        Assert.Null(banner.Release);
    }
}
