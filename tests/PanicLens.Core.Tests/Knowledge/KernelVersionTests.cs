using PanicLens.Knowledge;

namespace PanicLens.Core.Tests.Knowledge;

public sealed class KernelVersionTests
{
    [Theory]
    [InlineData("2.6.32.36-xen", "2.6.32.36", null, "", "xen")]
    [InlineData("3.10.0-957.el7.x86_64", "3.10.0", null, "957", "el7.x86_64")]
    [InlineData("3.10.0-957.21.3.el7.x86_64", "3.10.0", null, "957.21.3", "el7.x86_64")]
    [InlineData("5.15.0-91-generic", "5.15.0", null, "91", "generic")]
    [InlineData("6.1.0-rc3+", "6.1.0", 3, "", "+")]
    [InlineData("4.18.0+", "4.18.0", null, "", "+")]
    [InlineData("4.14.91-esos.prod", "4.14.91", null, "", "esos.prod")]
    public void Release_strings_split_into_base_candidate_release_and_flavor(string text, string expectBase, int? rc, string release, string flavor)
    {
        Assert.True(KernelVersion.TryParse(text, out var version));
        Assert.Equal(expectBase, string.Join('.', version.Base));
        Assert.Equal(rc, version.ReleaseCandidate);
        Assert.Equal(release, string.Join('.', version.Release));
        Assert.Equal(flavor, version.Flavor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("xen")]
    [InlineData("5")]
    [InlineData("v5.4")]
    public void Text_that_is_not_a_release_is_rejected(string text) =>
        Assert.False(KernelVersion.TryParse(text, out _));

    [Theory]
    [InlineData("2.6.32.36-xen", "< 3.8", true)]
    [InlineData("3.7.10", "< 3.8", true)]
    [InlineData("3.8.0", "< 3.8", false)]
    [InlineData("3.8", "< 3.8", false)]
    [InlineData("3.8.0-rc1", "< 3.8", true)]
    [InlineData("6.1.0-rc3+", ">= 6.1", false)]
    [InlineData("6.1.0", ">= 6.1", true)]
    [InlineData("3.7.10", "<= 3.7", false)]
    [InlineData("4.19.51", ">= 4.15, < 4.19.52", true)]
    [InlineData("4.19.52", ">= 4.15, < 4.19.52", false)]
    [InlineData("4.14.200", ">= 4.15, < 4.19.52", false)]
    [InlineData("5.15.0-91-generic", "= 5.15", true)]
    [InlineData("5.15.0-91-generic", "< 5.15.0-94", true)]
    [InlineData("5.15.0-94-generic", "< 5.15.0-94", false)]
    [InlineData("3.10.0-957.el7.x86_64", "< 3.10.0-957.21.3", true)]
    [InlineData("3.10.0-957.21.3.el7.x86_64", "< 3.10.0-957.21.3", false)]
    [InlineData("3.10.0-1160.el7.x86_64", "< 3.10.0-957.21.3", false)]
    [InlineData("3.10.0-957.el7.x86_64", "< 3.8", false)]
    public void Ranges_compare_only_as_precisely_as_the_bound_is_written(string kernel, string range, bool inRange)
    {
        Assert.True(KernelVersion.TryParse(kernel, out var version));
        var parsed = KernelRange.TryParse(range, out var error);
        Assert.NotNull(parsed);
        Assert.Null(error);
        Assert.Equal(inRange, parsed.Contains(version));
    }

    [Theory]
    [InlineData("3.8")]
    [InlineData("<< 3.8")]
    [InlineData("< three")]
    [InlineData(">= 4.4,")]
    [InlineData("~> 4.4")]
    public void Malformed_ranges_are_refused_with_a_reason(string range)
    {
        Assert.Null(KernelRange.TryParse(range, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
