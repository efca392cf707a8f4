using System.Globalization;

namespace PanicLens.Readiness;

/// <summary>
/// Sizes for the crash kernel reservation: what a <c>crashkernel=</c> value reserves on a host of a given RAM,
/// and what we recommend.
/// </summary>
public static class CrashKernelSize
{
    /// <summary>Recommended reservation by RAM, smallest RAM first. Each row applies from MinRamGiB up to the next.</summary>
    public static readonly (int MinRamGiB, int RecommendedMiB, string Why)[] Recommended =
    [
        (0, 192, "kdump-utils' x86_64 default for 1G-4G (crashkernel=1G-4G:192M,...)"),
        (4, 256, "kdump-utils' x86_64 default for 4G-64G"),
        (64, 512, "kdump-utils' x86_64 default for 64G and up; users report 300-512M needed (fedora-coreos-tracker#798)"),
        (1024, 1024, "a fixed reservation hangs capture on 768 GB hosts (harvester#1357); makedumpfile's bitmaps grow with RAM [inference]"),
    ];

    /// <summary>The smallest reservation that passes outright; below it a capture kernel rarely boots a distro initramfs.</summary>
    public const int MinimumMiB = 128;

    public static long RecommendedBytes(long ramBytes)
    {
        var mib = Recommended[0].RecommendedMiB;
        foreach (var row in Recommended)
        {
            if (ramBytes >= (long)row.MinRamGiB << 30)
                mib = row.RecommendedMiB;
        }
        return (long)mib << 20;
    }

    public static string RecommendedWhy(long ramBytes)
    {
        var why = Recommended[0].Why;
        foreach (var row in Recommended)
        {
            if (ramBytes >= (long)row.MinRamGiB << 30)
                why = row.Why;
        }
        return why;
    }

    /// <summary>
    /// What a <c>crashkernel=</c> value reserves on a host with <paramref name="ramBytes"/>: <c>128M</c>, <c>128M@16M</c>,
    /// <c>256M,high</c>, or ranges <c>1G-4G:192M,4G-:256M[@offset]</c>. Null for <c>auto</c> (the kernel decides) and
    /// for values it cannot parse.
    /// </summary>
    public static long? Reserves(string value, long ramBytes)
    {
        var at = value.IndexOf('@');
        var body = at >= 0 ? value[..at] : value;
        if (!body.Contains(':'))
            return ParseSize(body.Split(',')[0]);
        foreach (var range in body.Split(','))
        {
            var colon = range.IndexOf(':');
            if (colon < 0)
                continue;
            var bounds = range[..colon].Split('-');
            var low = ParseSize(bounds[0]);
            var high = bounds.Length > 1 && bounds[1].Length > 0 ? ParseSize(bounds[1]) : long.MaxValue;
            if (low is null || high is null)
                return null;
            if (ramBytes >= low && ramBytes < high)
                return ParseSize(range[(colon + 1)..]);
        }
        return 0;
    }

    public static long? ParseSize(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return null;
        var shift = char.ToUpperInvariant(text[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        var digits = shift == 0 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n << shift : null;
    }

    public static string Format(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30}G" : $"{bytes >> 20}M";
}
