using System.Globalization;
using System.Text.RegularExpressions;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>Explains a bad address with <see cref="PoisonValues"/> and <see cref="AddressRegions"/>.</summary>
public static partial class AddressClassifier
{
    [GeneratedRegex(@"^(?<major>\d{1,3})\.(?<minor>\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex MajorMinor();

    public static AddressFinding Classify(ulong address, AddressContext context) => Classify(address, context, decodeKasan: true);

    private static AddressFinding Classify(ulong address, AddressContext context, bool decodeKasan)
    {
        var bits = context.Arch == "i386" ? 32 : 64;
        var value = bits == 32
            ? ((uint)address).ToString("x8", CultureInfo.InvariantCulture)
            : address.ToString("x16", CultureInfo.InvariantCulture);
        if (Poison(address, bits) is { } poison)
            return new AddressFinding(value, poison.Id, PoisonText(poison, address, bits));
        if (decodeKasan && Kasan(address, context) is { } kasan)
            return new AddressFinding(value, kasan.Class, kasan.Explanation);
        if (LooksLikeText(address, bits))
            return new AddressFinding(value, "ascii-data", Sentences.Get("address.ascii"));
        var version = Version(context.Kernel);
        var region = Region(address, context.Arch, version, fiveLevel: false);
        if (region?.Id == "non-canonical" && context.FromPageFault)
            region = Region(address, context.Arch, version, fiveLevel: true) ?? region;
        if (region is null)
            return new AddressFinding(value, "unknown", Sentences.Get("address.unknown"));
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
            return Capital(Sentences.Translate(poison.Explanation));
        var errno = bits == 32 ? (int)(0x100000000UL - (uint)address) : (int)(0UL - address);
        return Sentences.Format("address.err-ptr", errno, ErrnoNames.Name(errno), Sentences.Translate(poison.Explanation));
    }

    /// <summary>Decodes a shadow address back to the address KASAN was checking, when the access was a shadow check or the address can only be one.</summary>
    private static (string Class, string Explanation)? Kasan(ulong address, AddressContext context)
    {
        foreach (var shadow in KasanShadows.All)
        {
            if (shadow.Arch != context.Arch || address < shadow.Offset)
                continue;
            var covers = address - shadow.Offset < 1UL << (64 - shadow.Scale);
            // A page-fault address was accepted by the MMU, so only an operand built from the offset makes it a shadow address.
            if (!covers || !(context.KasanShadowAccess || (NonCanonical(address, context.Arch) && !context.FromPageFault)))
                continue;
            var low = (address - shadow.Offset) << shadow.Scale;
            var high = low + (1UL << shadow.Scale) - 1;
            var checkedAddress = Classify(low, context with { KasanShadowAccess = false, FromPageFault = false, NotPresent = false }, decodeKasan: false);
            var kind = low < 0x10000 ? "kasan-shadow-of-null" : "kasan-shadow-of-wild";
            var what = low < 0x10000 ? "null-ptr-deref" : "wild-memory-access";
            return (kind, Sentences.Format("address.kasan", shadow.Mode, FormattableString.Invariant($"[0x{low:x}-0x{high:x}]"), what, checkedAddress.Class, checkedAddress.Explanation));
        }
        return null;
    }

    /// <summary>Outside both halves of a 48-bit address space: x86_64 needs bits 63..47 equal, arm64 bits 63..48.</summary>
    private static bool NonCanonical(ulong address, string arch) =>
        arch == "arm64" ? address >> 48 is not (0 or 0xffff) : address >> 47 is not (0 or 0x1ffff);

    private static bool LooksLikeText(ulong address, int bits)
    {
        var printable = 0;
        for (var i = 0; i < bits / 8; i++)
        {
            var b = (byte)(address >> (8 * i));
            if (b is >= 0x20 and < 0x7f)
                printable++;
        }
        return bits == 64 ? printable >= 6 : printable == 4;
    }

    private static string RegionText(AddressRegion region, ulong address, AddressContext context, (int, int)? version)
    {
        var explanation = Sentences.Translate(region.Explanation);
        var text = Capital(explanation);
        if (region.Id == "null-offset")
            text = address == 0 ? Sentences.Get("address.null") : Sentences.Format("address.null-offset", FormattableString.Invariant($"0x{address:x}"), explanation);
        if (region.Id == "direct-map" && context.Arch == "x86_64" && version is { } v && v.CompareTo((4, 8)) < 0)
            text += Sentences.Format("address.gb-into-ram", FormattableString.Invariant($"{(address - region.Low) / (1024.0 * 1024 * 1024):0.0}"));
        if (context.Arch == "x86_64" && region.Id is "direct-map" or "vmalloc" or "vmemmap" && (version is null || version.Value.CompareTo((4, 8)) >= 0))
            text += Sentences.Get("address.kaslr");
        if (context.NotPresent && region.Id is "direct-map" or "vmalloc" or "vmemmap" or "module")
            text += Sentences.Get("address.not-present");
        return text;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
