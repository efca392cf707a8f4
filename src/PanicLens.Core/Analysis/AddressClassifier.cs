using System.Globalization;
using System.Text.RegularExpressions;

namespace PanicLens.Analysis;

/// <summary>Explains a bad address with <see cref="PoisonValues"/> and <see cref="AddressRegions"/>.</summary>
public static partial class AddressClassifier
{
    // KASAN_SHADOW_OFFSET of generic KASAN on x86_64 (arch/x86/Kconfig): shadow = (addr >> 3) + offset.
    private const ulong KasanShadowOffset = 0xdffffc0000000000;
    private const ulong KasanShadowOfUserEnd = 0xdffffc1000000000;

    [GeneratedRegex(@"^(?<major>\d{1,3})\.(?<minor>\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex MajorMinor();

    public static AddressFinding Classify(ulong address, AddressContext context)
    {
        var bits = context.Arch == "i386" ? 32 : 64;
        var value = bits == 32
            ? ((uint)address).ToString("x8", CultureInfo.InvariantCulture)
            : address.ToString("x16", CultureInfo.InvariantCulture);
        if (Poison(address, bits) is { } poison)
            return new AddressFinding(value, poison.Id, PoisonText(poison, address, bits));
        if (context.Arch == "x86_64" && address >= KasanShadowOffset && address < KasanShadowOfUserEnd)
            return new AddressFinding(value, "kasan-shadow-of-null", KasanText(address));
        var version = Version(context.Kernel);
        var region = Region(address, context.Arch, version, fiveLevel: false);
        if (region?.Id == "non-canonical" && context.FromPageFault)
            region = Region(address, context.Arch, version, fiveLevel: true) ?? region;
        if (region is null)
            return new AddressFinding(value, "unknown", "an address in no region PanicLens knows for this architecture.");
        return new AddressFinding(value, region.Id, RegionText(region, address, context, version));
    }

    private static PoisonValue? Poison(ulong address, int bits)
    {
        foreach (var row in PoisonValues.All)
        {
            if ((row.Bits == 0 || row.Bits == bits) && (address & row.Mask) == row.Value)
                return row;
        }
        return null;
    }

    private static AddressRegion? Region(ulong address, string arch, (int, int)? version, bool fiveLevel)
    {
        foreach (var row in AddressRegions.All)
        {
            if (row.FiveLevel != fiveLevel && row.FiveLevel)
                continue;
            if ((row.Arch == "any" || row.Arch == arch) && address >= row.Low && address <= row.High && InEra(row, version))
                return row;
        }
        return null;
    }

    private static bool InEra(AddressRegion row, (int, int)? version)
    {
        if (version is null)
            return true;
        if (row.Since is not null && version.Value.CompareTo(Version(row.Since)!.Value) < 0)
            return false;
        return row.Until is null || version.Value.CompareTo(Version(row.Until)!.Value) < 0;
    }

    private static (int, int)? Version(string? kernel)
    {
        var match = kernel is null ? null : MajorMinor().Match(kernel);
        return match is { Success: true }
            ? (int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private static string PoisonText(PoisonValue poison, ulong address, int bits)
    {
        if (poison.Id != "err-ptr")
            return Capital(poison.Explanation);
        var errno = bits == 32 ? (int)(0x100000000UL - (uint)address) : (int)(0UL - address);
        return $"ERR_PTR(-{errno}) = -{ErrnoNames.Name(errno)}: {poison.Explanation}";
    }

    private static string KasanText(ulong address)
    {
        var low = (address - KasanShadowOffset) << 3;
        var kind = low < 0x10000 ? "a NULL pointer plus a small offset (null-ptr-deref)" : "a user-space or wild address";
        return FormattableString.Invariant(
            $"A KASAN shadow address: the compiler-inserted check computed the shadow of an address in [0x{low:x}-0x{low + 7:x}], which is {kind}; the shadow of such an address is non-canonical, so the check itself faulted.");
    }

    private static string RegionText(AddressRegion region, ulong address, AddressContext context, (int, int)? version)
    {
        var text = Capital(region.Explanation);
        if (region.Id == "null-offset")
            text = address == 0 ? "A NULL pointer dereference (address 0)." : FormattableString.Invariant($"NULL + 0x{address:x}: {region.Explanation}");
        if (region.Id == "direct-map" && context.Arch == "x86_64" && version is { } v && v.CompareTo((4, 8)) < 0)
            text += FormattableString.Invariant($" It is {(address - region.Low) / (1024.0 * 1024 * 1024):0.0} GB into physical memory.");
        if (context.Arch == "x86_64" && region.Id is "direct-map" or "vmalloc" or "vmemmap" && (version is null || version.Value.CompareTo((4, 8)) >= 0))
            text += " (From 4.8 memory KASLR can move the direct-map, vmalloc and vmemmap bases, so this region is the likely one, not a certain one.)";
        if (context.NotPresent && region.Id is "direct-map" or "vmalloc" or "vmemmap" or "module")
            text += " The page is not present (PTE 0 or a not-present error code): the memory behind this kernel address was freed and unmapped (DEBUG_PAGEALLOC, vfree, module unload; in a Xen PV guest, a page handed back to the hypervisor), or the pointer is wild: use-after-free suspected.";
        return text;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
