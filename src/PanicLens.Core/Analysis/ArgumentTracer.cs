using Iced.Intel;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>
/// Tells whether the bad register still holds an argument of the faulting function: the function's start is
/// `offset` bytes before the fault (`IP: func+0x9/0x19`), and when those bytes are in the `Code:` line and no
/// instruction between the start and the fault calls out or writes the register, the caller passed the bad value.
/// </summary>
public static class ArgumentTracer
{
    public static string? Describe(DecodedCode code, byte[] bytes, ArgumentTrace trace)
    {
        var argument = ArgumentRegisters.Find(trace.Arch, trace.Register);
        if (argument is null)
            return null;
        var offset = FormattableString.Invariant($"+0x{trace.Offset:x}");
        var where = trace.Size is { } size
            ? Sentences.Format("argument.where-sized", offset, FormattableString.Invariant($"0x{size:x}"), trace.Function)
            : Sentences.Format("argument.where", offset, trace.Function);
        var role = Sentences.Format("argument.role", trace.Register.ToUpperInvariant(), Ordinal(argument.Position), Sentences.Translate(argument.Convention));
        var start = code.FaultOffset - trace.Offset;
        var run = start < 0 ? [] : X86CodeDecoder.DecodeExactly(bytes, start, code.FaultOffset, code.Bitness, code.Faulting.IP - (ulong)code.FaultOffset);
        if (run.Count == 0)
            return Sentences.Format("argument.no-start", role, where);
        foreach (var instruction in run)
        {
            var at = (long)(instruction.IP - run[0].IP);
            if (instruction.FlowControl is FlowControl.Call or FlowControl.IndirectCall)
                return Sentences.Format("argument.after-call", role, where, FormattableString.Invariant($"+0x{at:x}"));
            if (Writes(instruction, trace.Register))
                return Sentences.Format("argument.set", role, FormattableString.Invariant($"+0x{at:x}"), X86InstructionDescriber.Format(instruction), where);
        }
        var caller = trace.Caller is null ? Sentences.Get("argument.caller") : Sentences.Format("argument.caller-named", trace.Caller);
        return Sentences.Format("argument.passed", role, where, trace.Register.ToUpperInvariant(), caller);
    }

    private static bool Writes(Instruction instruction, string register)
    {
        foreach (var used in InstructionInfos.Of(instruction).GetUsedRegisters())
        {
            var written = used.Access is OpAccess.Write or OpAccess.CondWrite or OpAccess.ReadWrite or OpAccess.ReadCondWrite;
            var full = used.Register.GetFullRegister();
            if (written && (string.Equals(full.ToString(), register, StringComparison.OrdinalIgnoreCase)
                || string.Equals(used.Register.GetFullRegister32().ToString(), register, StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    private static string Ordinal(int position) => position switch
    {
        1 => Sentences.Get("argument.ordinal.1"),
        2 => Sentences.Get("argument.ordinal.2"),
        3 => Sentences.Get("argument.ordinal.3"),
        _ => Sentences.Format("argument.ordinal.n", position),
    };
}
