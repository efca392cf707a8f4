using System.Globalization;
using PanicLens.Model;

namespace PanicLens.Analysis;

/// <summary>
/// Names the class of the faulting arm64 word (`Code: ... (f9400020)`): load, store, branch, brk/udf trap; for a
/// load or store, the base register and offset, and the address they form from the report's registers.
/// </summary>
public static class Arm64CodeReader
{
    public static (FaultingInstruction Instruction, OperandFinding? Operand, string? BadRegister)? Read(CodeBytes code, RegisterFile registers, ulong? fault)
    {
        if (code.WordSize != 4 || code.FaultIndex < 0 || code.FaultIndex + 4 > code.Bytes.Length)
            return null;
        var context = new List<InstructionLine>();
        for (var at = code.FaultIndex % 4; at + 4 <= code.Bytes.Length; at += 4)
        {
            var word = Word(code.Bytes, at);
            context.Add(new InstructionLine(at - code.FaultIndex, Hex(word), Text(word), at == code.FaultIndex));
        }
        var faulting = Word(code.Bytes, code.FaultIndex);
        var encoding = Arm64Encodings.Find(faulting);
        var instruction = new FaultingInstruction(Text(faulting), Hex(faulting), context)
        {
            Class = Class(faulting, encoding),
            Explanation = Explain(faulting, encoding),
        };
        if (encoding is null || encoding.Access is Arm64Access.None or Arm64Access.Literal)
            return (instruction, null, null);
        var (baseName, offset) = Operand(faulting, encoding.Access);
        var baseValue = registers.Value(baseName);
        var values = new List<RegisterValue> { new(baseName, registers.Text(baseName), "base") };
        var expression = offset == 0 ? $"[{baseName}]" : FormattableString.Invariant($"[{baseName}, #{(offset < 0 ? "-" : "")}0x{Math.Abs(offset):x}]");
        if (encoding.Access == Arm64Access.RegisterOffset)
        {
            var (indexName, indexOffset, shown) = IndexOffset(faulting, registers);
            values.Add(new RegisterValue(indexName, indexName == "xzr" ? "0" : registers.Text(indexName), "index"));
            expression = $"[{baseName}, {shown}]";
            offset = indexOffset ?? 0;
            if (indexOffset is null)
                baseValue = null;
        }
        ulong? address = baseValue is { } b ? b + (ulong)offset : null;
        // Top-byte-ignore: a tag in bits 63..56 of the pointer does not reach the fault address register.
        const ulong untag = 0x00ffffffffffffff;
        bool? matches = fault is null || address is null ? null
            : (fault >= address && fault - address < 16) || ((fault & untag) >= (address & untag) && (fault & untag) - (address & untag) < 16);
        var explanation = Explain(baseName, registers.Text(baseName), address, offset, fault, matches, registers);
        var operand = new OperandFinding(expression, values, address is { } a ? registers.Format(a) : null, matches)
        {
            Displacement = offset,
            Explanation = explanation,
        };
        return (instruction, operand, baseName);
    }

    private static uint Word(byte[] bytes, int at) => (uint)(bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24);

    private static string Hex(uint word) => word.ToString("x8", CultureInfo.InvariantCulture);

    private static string Class(uint word, Arm64Encoding? encoding)
    {
        if (encoding is null)
            return "other";
        if (encoding.Class != "load/store")
            return encoding.Class;
        return encoding.Access == Arm64Access.Literal || (word & (1u << 22)) != 0 ? "load" : "store";
    }

    private static string Text(uint word)
    {
        var encoding = Arm64Encodings.Find(word);
        if (encoding is null)
            return "unknown";
        if (encoding.Name == "brk")
            return FormattableString.Invariant($"brk #0x{(word >> 5) & 0xffff:x}");
        if (encoding.Access is Arm64Access.None or Arm64Access.Literal)
            return encoding.Name;
        var (baseName, offset) = Operand(word, encoding.Access);
        var operand = offset == 0 ? $"[{baseName}]" : FormattableString.Invariant($"[{baseName}, #{offset}]");
        return $"{Class(word, encoding)} {operand} ({encoding.Name})";
    }

    private static (string Base, long Offset) Operand(uint word, Arm64Access access)
    {
        var rn = (int)((word >> 5) & 31);
        var name = rn == 31 ? "sp" : "x" + rn.ToString(CultureInfo.InvariantCulture);
        var size = (int)(word >> 30);
        long offset = access switch
        {
            Arm64Access.UnsignedOffset => (long)((word >> 10) & 0xfff) << size,
            Arm64Access.SignedOffset => SignExtend((word >> 12) & 0x1ff, 9),
            Arm64Access.PairOffset => SignExtend((word >> 15) & 0x7f, 7) * ((word >> 31) != 0 ? 8 : 4),
            _ => 0,
        };
        return (name, offset);
    }

    /// <summary>The register-offset form's Xm (bits 20..16) extended by option (15..13) and shifted by the access size when S (bit 12) is set.</summary>
    private static (string Name, long? Offset, string Shown) IndexOffset(uint word, RegisterFile registers)
    {
        var rm = (int)((word >> 16) & 31);
        var option = (word >> 13) & 7;
        var shift = (word >> 12 & 1) != 0 ? (int)(word >> 30) : 0;
        var name = rm == 31 ? "xzr" : "x" + rm.ToString(CultureInfo.InvariantCulture);
        var extend = option switch { 0b010 => "uxtw", 0b110 => "sxtw", 0b111 => "sxtx", _ => "lsl" };
        var shown = shift == 0 && extend == "lsl" ? name : $"{name}, {extend} #{shift}";
        ulong? raw = rm == 31 ? 0 : registers.Value(name);
        if (raw is not { } value)
            return (name, null, shown);
        long extended = option switch { 0b010 => (uint)value, 0b110 => (int)(uint)value, _ => (long)value };
        return (name, extended << shift, shown);
    }

    private static long SignExtend(uint value, int bits) => (value & (1u << (bits - 1))) != 0 ? value - (1L << bits) : value;

    private static string? Explain(uint word, Arm64Encoding? encoding)
    {
        if (encoding?.Name == "brk")
        {
            var immediate = (word >> 5) & 0xffff;
            return immediate switch
            {
                0x800 => "brk #0x800 is BUG()/WARN() on arm64: the code itself asked to crash (or warn); read the message, not an address.",
                >= 0x900 and <= 0x9ff => "brk #0x9xx is a KASAN check that fired (software tag-based KASAN).",
                >= 0x5500 and <= 0x55ff => "brk #0x55xx is an UBSAN check that fired.",
                _ => "brk is a deliberate trap (BUG, a debugger or a kprobe).",
            };
        }
        return encoding?.Name == "udf" ? "udf is a permanently undefined instruction: a deliberate trap, or code that was overwritten with zeros." : null;
    }

    private static string Explain(string baseName, string? baseText, ulong? address, long offset, ulong? fault, bool? matches, RegisterFile registers)
    {
        if (address is null)
            return $"The access goes through {baseName.ToUpperInvariant()}, which is not in the report's register dump.";
        var computed = registers.Format(address.Value);
        var sum = offset == 0 ? $"{baseName.ToUpperInvariant()} ({baseText})" : FormattableString.Invariant($"{baseName.ToUpperInvariant()} ({baseText}) + 0x{offset:x}");
        if (matches == true)
        {
            return offset > 0
                ? $"{sum} = {computed} == fault address: the access is to the field at offset 0x{offset:x} of a structure at {baseName.ToUpperInvariant()}, so the base pointer in {baseName.ToUpperInvariant()} is bad."
                : $"{baseName.ToUpperInvariant()} == fault address == {computed}: the pointer in {baseName.ToUpperInvariant()} is bad.";
        }
        return fault is null
            ? $"The access computes to {computed} ({sum})."
            : $"The access computes to {computed} ({sum}), not the fault address {registers.Format(fault.Value)}.";
    }
}
