using System.Globalization;

namespace PanicLens.Analysis;

/// <summary>Reads register values out of a report's register dump (`RSI: ffff8802ea75bb00`, `x19: fffffdfffec00201`, `GS:ffff8800(0000)`).</summary>
public sealed class RegisterFile(IReadOnlyDictionary<string, string> registers, int bitness)
{
    public int Bitness { get; } = bitness;

    /// <summary>The value as printed, up to the first character that is not hex (drops `(0000)` after a segment base).</summary>
    public string? Text(string name)
    {
        // x86_64 show_regs prints R08 and R09 with a leading zero; Iced and Xen name them R8 and R9.
        if (!registers.TryGetValue(name, out var text)
            && !(name.Length == 2 && name[0] is 'R' or 'r' && char.IsAsciiDigit(name[1]) && registers.TryGetValue("R0" + name[1], out text)))
            return null;
        var value = text.Trim();
        // `RSP: 0018:ffffc90000d4fb58` and Xen's `RSP: e02b:ffff88005b77d8e8` print the segment first.
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon + 1 < value.Length)
            value = value[(colon + 1)..];
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            value = value[2..];
        var end = 0;
        while (end < value.Length && char.IsAsciiHexDigit(value[end]))
            end++;
        return end == 0 ? null : value[..end];
    }

    public ulong? Value(string name)
    {
        var text = Text(name);
        return text is not null && text.Length <= 16 && ulong.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>The names of registers whose value equals <paramref name="address"/>, in dump order.</summary>
    public IEnumerable<string> Holding(ulong address)
    {
        foreach (var name in registers.Keys)
        {
            if (name.StartsWith("CR", StringComparison.OrdinalIgnoreCase) || name.StartsWith("DR", StringComparison.OrdinalIgnoreCase))
                continue;
            if (Value(name) == address)
                yield return name;
        }
    }

    /// <summary>
    /// The general-purpose register whose value lies closest below <paramref name="address"/>, at most
    /// <paramref name="window"/> bytes, other than <paramref name="except"/>: a candidate for the object a bad
    /// pointer was computed from. Stack, frame and instruction pointers, flags and control registers are skipped.
    /// </summary>
    public (string Name, ulong Distance)? NearestBelow(ulong address, ulong window, string except)
    {
        (string Name, ulong Distance)? best = null;
        foreach (var name in registers.Keys)
        {
            if (NotGeneralPurpose.Contains(name) || name.StartsWith("CR", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("DR", StringComparison.OrdinalIgnoreCase) || string.Equals(name, except, StringComparison.OrdinalIgnoreCase))
                continue;
            if (Value(name) is { } value && value < address && address - value <= window && (best is null || address - value < best.Value.Distance))
                best = (name, address - value);
        }
        return best;
    }

    private static readonly HashSet<string> NotGeneralPurpose = new(StringComparer.OrdinalIgnoreCase)
    {
        "RIP", "EIP", "RSP", "ESP", "RBP", "EBP", "EFLAGS", "RFLAGS", "ORIG_RAX", "FS", "GS", "knlGS", "CS", "DS", "ES", "SS",
        "x29", "x30", "sp", "lr", "pc", "pstate", "PKRU",
    };

    public string Format(ulong value) => Bitness == 32
        ? ((uint)value).ToString("x8", CultureInfo.InvariantCulture)
        : value.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParseHex(string? text, out ulong value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[2..];
        return trimmed.Length is > 0 and <= 16
            && ulong.TryParse(trimmed, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}
