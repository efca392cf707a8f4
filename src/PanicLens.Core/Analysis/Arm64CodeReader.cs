using System.Globalization;
using PanicLens.Model;
using PanicLens.Localization;

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
                0x800 => Sentences.Get("arm64.brk-bug"),
                >= 0x900 and <= 0x9ff => Sentences.Get("arm64.brk-kasan"),
                >= 0x5500 and <= 0x55ff => Sentences.Get("arm64.brk-ubsan"),
                _ => Sentences.Get("arm64.brk"),
            };
        }
        return encoding?.Name == "udf" ? Sentences.Get("arm64.udf") : null;
    }

    private static string Explain(string baseName, string? baseText, ulong? address, long offset, ulong? fault, bool? matches, RegisterFile registers)
    {
        if (address is null)
            return Sentences.Format("arm64.missing", baseName.ToUpperInvariant());
        var computed = registers.Format(address.Value);
        var sum = offset == 0 ? $"{baseName.ToUpperInvariant()} ({baseText})" : FormattableString.Invariant($"{baseName.ToUpperInvariant()} ({baseText}) + 0x{offset:x}");
        if (matches == true)
        {
            return offset > 0
                ? Sentences.Format("operand.field", sum, computed, FormattableString.Invariant($"0x{offset:x}"), baseName.ToUpperInvariant())
                : Sentences.Format("operand.pointer-bad", baseName.ToUpperInvariant(), computed);
        }
        return fault is null
            ? Sentences.Format("arm64.computes", computed, sum)
            : Sentences.Format("arm64.not-fault", computed, sum, registers.Format(fault.Value));
    }
}
