using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

public sealed class AddressClassifierTests
{
    [Theory]
    // Values from real logs: the seed, syzkaller corpus reports, production oopses.
    [InlineData(0x0UL, "x86_64", "5.10.0", "null-offset")]
    [InlineData(0x8UL, "x86_64", "5.10.0", "null-offset")]
    [InlineData(0x00007f3d9d0c86e0UL, "x86_64", "2.6.32", "user")]
    [InlineData(0xdead000000100100UL, "x86_64", "3.10.0", "list-poison")]
    [InlineData(0xdead000000200200UL, "x86_64", "3.10.0", "list-poison")]
    [InlineData(0xdead000000000122UL, "x86_64", "5.4.0", "list-poison")]
    [InlineData(0x6b6b6b6b6b6b6b6bUL, "x86_64", "4.19.0", "slab-poison-free")]
    [InlineData(0x6b6b6b6b6b6b6b73UL, "x86_64", "4.19.0", "slab-poison-free")]
    [InlineData(0x5a5a5a5a5a5a5a5aUL, "x86_64", "4.19.0", "slab-poison-inuse")]
    [InlineData(0xa5a5a5a5a5a5a5a5UL, "x86_64", "4.19.0", "slab-poison-end")]
    [InlineData(0x00000000dead4eadUL, "x86_64", "4.19.0", "spinlock-magic")]
    [InlineData(0xdead4eadUL, "i386", "2.6.18", "spinlock-magic")]
    [InlineData(0x6b6b6b6bUL, "i386", "3.2.0", "slab-poison-free")]
    [InlineData(0x00100100UL, "i386", "3.2.0", "list-poison")]
    [InlineData(0xfffffffffffffff4UL, "x86_64", "5.15.0", "err-ptr")]
    [InlineData(0xdffffc0000000001UL, "x86_64", "5.10.0", "kasan-shadow-of-null")]
    [InlineData(0xffffec0000000000UL, "x86_64", "4.14.0", "kasan-shadow")]
    [InlineData(0x1000000000000000UL, "x86_64", "4.14.0", "non-canonical")]
    [InlineData(0xffff8802ea75bb00UL, "x86_64", "2.6.32.36-xen", "direct-map")]
    [InlineData(0xffff88801c2e4000UL, "x86_64", "5.10.0", "direct-map")]
    [InlineData(0xffff880000001000UL, "x86_64", "5.10.0", "ldt-remap")]
    [InlineData(0xffffc90001234000UL, "x86_64", "5.10.0", "vmalloc")]
    [InlineData(0xffffea0000123400UL, "x86_64", "5.10.0", "vmemmap")]
    [InlineData(0xffffffff81234567UL, "x86_64", "5.10.0", "kernel-text")]
    [InlineData(0xffffffffa00741faUL, "x86_64", "2.6.32", "module")]
    [InlineData(0xffff800000001000UL, "x86_64", "3.10.0", "hypervisor")]
    [InlineData(0xf6884240UL, "i386", "4.0.3", "direct-map")]
    [InlineData(0x08048000UL, "i386", "4.0.3", "user")]
    [InlineData(0xf83f9f24UL, "i386", "4.0.3", "vmalloc")]
    [InlineData(0x0000aaaadeadbeefUL, "arm64", "5.9.0", "user")]
    [InlineData(0xffff0000401f7c40UL, "arm64", "5.9.0", "direct-map")]
    [InlineData(0xffffa00017c462a0UL, "arm64", "5.9.0", "vmalloc")]
    [InlineData(0xffffffc000d394c4UL, "arm64", "3.18.0", "direct-map")]
    [InlineData(0x0008000000000000UL, "arm64", "5.9.0", "non-canonical")]
    public void Address_gets_its_class(ulong address, string arch, string kernel, string expected)
    {
        var finding = AddressClassifier.Classify(address, new AddressContext(arch, kernel, FromPageFault: false, NotPresent: false));

        Assert.Equal(expected, finding.Class);
        Assert.False(string.IsNullOrWhiteSpace(finding.Explanation));
    }

    [Fact]
    public void A_page_fault_at_a_five_level_address_is_not_called_non_canonical()
    {
        var finding = AddressClassifier.Classify(0xff11000012345678, new AddressContext("x86_64", "6.1.0", FromPageFault: true, NotPresent: false));

        Assert.Equal("direct-map", finding.Class);
    }

    [Fact]
    public void Err_ptr_names_the_errno()
    {
        var finding = AddressClassifier.Classify(0xfffffffffffffff4, new AddressContext("x86_64", "5.15.0", false, false));

        Assert.StartsWith("ERR_PTR(-12) = -ENOMEM", finding.Explanation);
    }

    [Fact]
    public void Kasan_shadow_of_null_gives_back_the_null_range()
    {
        var finding = AddressClassifier.Classify(0xdffffc0000000001, new AddressContext("x86_64", "5.10.0", false, false));

        Assert.Contains("[0x8-0xf]", finding.Explanation);
        Assert.Contains("null-ptr-deref", finding.Explanation);
    }

    [Fact]
    public void A_not_present_direct_map_page_suspects_use_after_free()
    {
        var present = AddressClassifier.Classify(0xffff8802ea75bb00, new AddressContext("x86_64", "2.6.32.36-xen", true, NotPresent: false));
        var absent = AddressClassifier.Classify(0xffff8802ea75bb00, new AddressContext("x86_64", "2.6.32.36-xen", true, NotPresent: true));

        Assert.DoesNotContain("use-after-free", present.Explanation);
        Assert.Contains("use-after-free suspected", absent.Explanation);
        Assert.Contains("11.7 GB into physical memory", absent.Explanation);
    }

    [Fact]
    public void Null_plus_offset_names_the_offset()
    {
        var finding = AddressClassifier.Classify(0x8, new AddressContext("x86_64", "5.10.0", true, true));

        Assert.StartsWith("NULL + 0x8", finding.Explanation);
    }

    [Fact]
    public void Every_region_row_is_well_formed()
    {
        foreach (var row in AddressRegions.All)
        {
            Assert.True(row.Low <= row.High, row.Id);
            Assert.Contains(row.Arch, new[] { "any", "x86_64", "i386", "arm64" });
            Assert.False(string.IsNullOrWhiteSpace(row.Explanation));
        }
        foreach (var row in PoisonValues.All)
            Assert.Equal(row.Value, row.Value & row.Mask);
    }
}
