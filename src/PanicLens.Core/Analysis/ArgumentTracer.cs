using Iced.Intel;

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
        var where = trace.Size is { } size
            ? $"at +0x{trace.Offset:x} of the 0x{size:x}-byte function {trace.Function}"
            : $"at +0x{trace.Offset:x} of {trace.Function}";
        var role = $"{trace.Register.ToUpperInvariant()} carries the {Ordinal(argument.Position)} argument under {argument.Convention}";
        var start = code.FaultOffset - trace.Offset;
        var run = start < 0 ? [] : X86CodeDecoder.DecodeExactly(bytes, start, code.FaultOffset, code.Bitness, code.Faulting.IP - (ulong)code.FaultOffset);
        if (run.Count == 0)
            return $"{role}; the fault is {where}, whose start is not in the printed code, so whether it still holds that argument cannot be told.";
        foreach (var instruction in run)
        {
            var at = (long)(instruction.IP - run[0].IP);
            if (instruction.FlowControl is FlowControl.Call or FlowControl.IndirectCall)
                return $"{role}, but the fault is {where} after a call at +0x{at:x}, which may have changed it.";
            if (Writes(instruction, trace.Register))
                return $"{role}, but the function set it at +0x{at:x} ({X86InstructionDescriber.Format(instruction)}) before the fault {where}.";
        }
        var caller = trace.Caller is null ? "its caller" : $"its caller ({trace.Caller})";
        return $"{role}: the fault is {where}, before any call, and nothing wrote {trace.Register.ToUpperInvariant()} since entry, "
            + $"so the bad value is the argument {caller} passed.";
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
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{position}th",
    };
}
