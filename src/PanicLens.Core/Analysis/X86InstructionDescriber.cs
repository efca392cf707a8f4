using System.Globalization;
using System.Text;
using Iced.Intel;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>Turns decoded `Code:` bytes into the output record: the faulting instruction in Intel syntax and a few around it.</summary>
public static class X86InstructionDescriber
{
    private const int ContextBefore = 5;
    private const int ContextAfter = 4;
    public static FaultingInstruction Describe(DecodedCode code, byte[] bytes)
    {
        var formatter = NewFormatter();
        var context = new List<InstructionLine>();
        var first = Math.Max(0, code.FaultPosition - ContextBefore);
        var last = Math.Min(code.Instructions.Count - 1, code.FaultPosition + ContextAfter);
        for (var i = first; i <= last; i++)
        {
            var instruction = code.Instructions[i];
            context.Add(new InstructionLine(code.Offsets[i] - code.FaultOffset, Hex(bytes, code.Offsets[i], instruction.Length),
                Format(formatter, instruction), i == code.FaultPosition));
        }
        var faulting = code.Faulting;
        var mnemonic = faulting.Mnemonic.ToString().ToLowerInvariant();
        var note = InstructionNotes.Find(mnemonic);
        return new FaultingInstruction(Format(formatter, faulting), Hex(bytes, code.FaultOffset, faulting.Length), context)
        {
            Class = note?.Class ?? Classify(faulting),
            Explanation = note is null ? null : Sentences.Translate(note.Explanation),
        };
    }

    public static string Format(Instruction instruction) => Format(NewFormatter(), instruction);

    private static IntelFormatter NewFormatter()
    {
        var formatter = new IntelFormatter();
        formatter.Options.MemorySizeOptions = MemorySizeOptions.Always;
        formatter.Options.HexPrefix = "0x";
        formatter.Options.HexSuffix = null;
        formatter.Options.UppercaseHex = false;
        return formatter;
    }

    private static string Format(IntelFormatter formatter, Instruction instruction)
    {
        var output = new StringOutput();
        formatter.Format(instruction, output);
        return output.ToStringAndReset();
    }

    private static string Classify(Instruction instruction)
    {
        switch (instruction.FlowControl)
        {
            case FlowControl.Call or FlowControl.IndirectCall:
                return "call";
            case FlowControl.Return or FlowControl.IndirectBranch or FlowControl.UnconditionalBranch or FlowControl.ConditionalBranch:
                return "branch";
            case FlowControl.Exception or FlowControl.Interrupt:
                return "trap";
        }
        bool read = false, write = false;
        foreach (var memory in InstructionInfos.Of(instruction).GetUsedMemory())
        {
            read |= memory.Access is OpAccess.Read or OpAccess.CondRead or OpAccess.ReadWrite or OpAccess.ReadCondWrite;
            write |= memory.Access is OpAccess.Write or OpAccess.CondWrite or OpAccess.ReadWrite or OpAccess.ReadCondWrite;
        }
        return (read, write) switch
        {
            (true, true) => "load+store",
            (true, false) => "load",
            (false, true) => "store",
            _ => "other",
        };
    }

    private static string Hex(byte[] bytes, int offset, int length)
    {
        var text = new StringBuilder(length * 3);
        for (var i = offset; i < offset + length && i < bytes.Length; i++)
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
