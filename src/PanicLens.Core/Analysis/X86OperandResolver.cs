using System.Globalization;
using System.Text;
using Iced.Intel;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>
/// Computes the address the faulting x86 instruction touched from the registers in the report (Iced lists the
/// memory it uses, implicit ones such as `rep stos` and `push` included) and compares it with the fault address.
/// </summary>
public static class X86OperandResolver
{
    /// <summary>The resolved operand and the register to blame (base, else index), or null when the instruction touches no memory.</summary>
    public static (OperandFinding Operand, string? BadRegister)? Resolve(Instruction instruction, RegisterFile registers, ulong? fault, bool ipKnown)
    {
        var candidates = new List<Candidate>();
        foreach (var memory in InstructionInfos.Of(instruction).GetUsedMemory())
            candidates.Add(Evaluate(memory, instruction, registers, ipKnown));
        if (candidates.Count == 0)
            return null;
        var chosen = Choose(candidates, fault);
        // A stack access (ret, pop, push) that did not hit the fault address says nothing about RSP: the value it
        // loaded (a return address) is what was bad.
        var hit = fault is { } f && chosen.Contains(f);
        var blamed = chosen.Stack && !hit ? null : chosen.Base ?? chosen.Index;
        var operand = new OperandFinding(chosen.Expression, chosen.Registers, chosen.Address is { } a ? registers.Format(a) : null,
            fault is null || chosen.Address is null ? null : chosen.Contains(fault.Value))
        {
            Displacement = chosen.Displacement,
            Explanation = Explain(chosen, registers, fault),
        };
        return (operand, blamed);
    }

    private static Candidate Evaluate(UsedMemory memory, Instruction instruction, RegisterFile registers, bool ipKnown)
    {
        var values = new List<RegisterValue>();
        ulong? address = memory.Displacement;
        string? baseName = null, indexName = null;
        if (instruction.IsIPRelativeMemoryOperand && !ipKnown)
            address = null;
        if (memory.Base != Register.None)
        {
            baseName = Name(memory.Base);
            address = Add(address, RegisterValueOf(memory.Base, registers, values, "base"), 1);
        }
        if (memory.Index != Register.None)
        {
            indexName = Name(memory.Index);
            address = Add(address, RegisterValueOf(memory.Index, registers, values, "index"), (ulong)memory.Scale);
        }
        if (memory.Segment is Register.FS or Register.GS && registers.Bitness == 64)
            address = Add(address, RegisterValueOf(memory.Segment, registers, values, "segment base"), 1);
        if (registers.Bitness == 32 && address is { } wide)
            address = (uint)wide;
        var size = Math.Max(1, memory.MemorySize.GetSize());
        var displacement = registers.Bitness == 32 ? (int)(uint)memory.Displacement : (long)memory.Displacement;
        if (memory.Base == Register.None && memory.Index == Register.None)
            displacement = 0;
        return new Candidate(Expression(memory, displacement), values, address, size, baseName, indexName, displacement,
            memory.Base is Register.RSP or Register.ESP);
    }

    private static ulong? RegisterValueOf(Register register, RegisterFile registers, List<RegisterValue> values, string role)
    {
        var full = register.IsSegmentRegister() ? register : registers.Bitness == 64 ? register.GetFullRegister() : register.GetFullRegister32();
        var text = registers.Text(full.ToString());
        values.Add(new RegisterValue(Name(register), text, role));
        var value = registers.Value(full.ToString());
        if (value is null)
            return null;
        var bits = register.IsSegmentRegister() ? 64 : register.GetSize() * 8;
        return bits >= 64 ? value : value & ((1UL << bits) - 1);
    }

    private static ulong? Add(ulong? sum, ulong? value, ulong scale) => sum is null || value is null ? null : sum + value * scale;

    private static Candidate Choose(List<Candidate> candidates, ulong? fault)
    {
        if (fault is { } address)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Contains(address))
                    return candidate;
            }
        }
        foreach (var candidate in candidates)
        {
            if (!candidate.Stack)
                return candidate;
        }
        return candidates[0];
    }

    private static string Expression(UsedMemory memory, long displacement)
    {
        var text = new StringBuilder();
        if (memory.Segment is Register.FS or Register.GS)
            text.Append(Name(memory.Segment)).Append(':');
        text.Append('[');
        if (memory.Base != Register.None)
            text.Append(Name(memory.Base));
        if (memory.Index != Register.None)
        {
            if (memory.Base != Register.None)
                text.Append('+');
            text.Append(Name(memory.Index)).Append('*').Append(memory.Scale.ToString(CultureInfo.InvariantCulture));
        }
        if (memory.Base == Register.None && memory.Index == Register.None)
            text.Append("0x").Append(memory.Displacement.ToString("x", CultureInfo.InvariantCulture));
        else if (displacement != 0)
            text.Append(displacement < 0 ? "-0x" : "+0x").Append(Math.Abs(displacement).ToString("x", CultureInfo.InvariantCulture));
        return text.Append(']').ToString();
    }

    private static string Explain(Candidate chosen, RegisterFile registers, ulong? fault)
    {
        if (chosen.Stack && !(fault is { } f && chosen.Contains(f)))
            return Sentences.Format("operand.stack", chosen.Expression);
        if (chosen.Address is not { } address)
            return Sentences.Format("operand.missing", chosen.Expression);
        var sum = string.Join(" + ", chosen.Registers.ConvertAll(r => $"{r.Name.ToUpperInvariant()} ({r.Value})"));
        if (chosen.Displacement != 0)
            sum += (chosen.Displacement < 0 ? " - 0x" : " + 0x") + Math.Abs(chosen.Displacement).ToString("x", CultureInfo.InvariantCulture);
        var computed = registers.Format(address);
        if (fault is not { } target)
            return Sentences.Format("operand.computes", chosen.Expression, computed, sum);
        if (!chosen.Contains(target))
        {
            var holders = string.Join(", ", registers.Holding(target));
            var hint = holders.Length > 0 ? Sentences.Format("operand.holder", holders.ToUpperInvariant()) : "";
            return Sentences.Format("operand.not-fault", chosen.Expression, computed, sum, registers.Format(target), hint);
        }
        var blamed = chosen.Base?.ToUpperInvariant() ?? chosen.Index?.ToUpperInvariant() ?? Sentences.Get("operand.the-operand");
        if (chosen.Displacement == 0 && chosen.Registers.Count == 1)
            return Sentences.Format("operand.pointer-bad", blamed, computed);
        if (chosen.Displacement > 0 && chosen.Index is null)
            return Sentences.Format("operand.field", sum, computed, FormattableString.Invariant($"0x{chosen.Displacement:x}"), blamed);
        return Sentences.Format("operand.built", sum, computed, blamed);
    }

    private static string Name(Register register) => register.ToString().ToLowerInvariant();

    private sealed record Candidate(string Expression, List<RegisterValue> Registers, ulong? Address, int Size, string? Base, string? Index,
        long Displacement, bool Stack)
    {
        public bool Contains(ulong fault) => Address is { } start && fault >= start && fault - start < (ulong)Size;
    }
}
