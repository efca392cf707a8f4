using System.Globalization;
using System.Text.RegularExpressions;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>
/// Decodes the x86 page-fault error code, from the modern `#PF: error_code(0x0000)` or the older `Oops: 0000`
/// (which printed the same value in hex, arch/x86/kernel/dumpstack.c before 4.18's #PF lines).
/// </summary>
public static partial class ErrorCodeDecoder
{
    [GeneratedRegex(@"(?:0x)?(?<hex>[0-9a-fA-F]{1,8})", RegexOptions.CultureInvariant)]
    private static partial Regex FirstHex();

    public static ErrorCodeFinding? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var inner = text.Contains("error_code(", StringComparison.Ordinal) ? text[(text.IndexOf("error_code(", StringComparison.Ordinal) + 11)..] : text;
        var match = FirstHex().Match(inner);
        if (!match.Success || !int.TryParse(match.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            return null;
        var parts = new List<string>();
        foreach (var bit in PageFaultBits.All)
        {
            var meaning = (code & bit.Mask) != 0 ? bit.WhenSet : bit.WhenClear;
            if (meaning.Length > 0)
                parts.Add(Sentences.Translate(meaning));
        }
        return new ErrorCodeFinding(FormattableString.Invariant($"0x{code:x4}"), Has(code, PageFaultBits.Write), Has(code, PageFaultBits.User),
            Has(code, PageFaultBits.Present), Has(code, PageFaultBits.InstructionFetch))
        {
            ReservedBit = Has(code, PageFaultBits.Reserved),
            ProtectionKey = Has(code, PageFaultBits.ProtectionKey),
            ShadowStack = Has(code, PageFaultBits.ShadowStack),
            Explanation = Sentences.Format("errorcode.sentence", Capitalise(string.Join(Sentences.Get("list.separator"), parts))),
        };
    }

    private static bool Has(int code, int mask) => (code & mask) != 0;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
