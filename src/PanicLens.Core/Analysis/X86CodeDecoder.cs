using Iced.Intel;
using PanicLens.Model;

namespace PanicLens.Analysis;

/// <summary>
/// Decodes x86 `Code:` bytes with Iced. The kernel prints bytes from before the faulting instruction (which is
/// marked `&lt;48&gt;`) without saying where an instruction starts, so the decoder picks the earliest start from
/// which every instruction is valid and one of them begins exactly at the marked byte (x86 re-synchronises
/// within a few instructions, so the last ones before the fault are right even when the first are not).
/// </summary>
public static class X86CodeDecoder
{
    /// <summary>How far before the marked byte a start is tried; `Code:` prints 42 or 43 bytes before it.</summary>
    private const int MaxLookBack = 64;

    public static bool TryDecode(CodeBytes code, int bitness, ulong faultIp, out DecodedCode decoded)
    {
        decoded = null!;
        var bytes = code.Bytes;
        var fault = code.FaultIndex;
        if (code.WordSize != 1 || fault < 0 || fault >= bytes.Length || (bitness != 32 && bitness != 64))
            return false;
        var baseIp = faultIp >= (ulong)fault ? faultIp - (ulong)fault : 0;
        var after = DecodeRun(bytes, fault, bytes.Length, bitness, baseIp, stopAtInvalid: true);
        if (after.Count == 0)
            return false;
        var before = BestPrefix(bytes, fault, bitness, baseIp);
        var instructions = new List<Instruction>(before.Count + after.Count);
        var offsets = new List<int>(before.Count + after.Count);
        foreach (var run in new[] { before, after })
        {
            foreach (var instruction in run)
            {
                instructions.Add(instruction);
                offsets.Add((int)(instruction.IP - baseIp));
            }
        }
        decoded = new DecodedCode(instructions, offsets, before.Count, bitness);
        return true;
    }

    /// <summary>
    /// Decodes from <paramref name="from"/> and returns the instructions when they end exactly at
    /// <paramref name="to"/> with none invalid; otherwise an empty list.
    /// </summary>
    public static List<Instruction> DecodeExactly(byte[] bytes, int from, int to, int bitness, ulong baseIp)
    {
        if (from < 0 || from >= to || to > bytes.Length)
            return [];
        var run = DecodeRun(bytes, from, to, bitness, baseIp, stopAtInvalid: false);
        if (run.Count == 0)
            return [];
        var last = run[^1];
        return last.IsInvalid() || last.NextIP - baseIp != (ulong)to ? [] : run;
    }

    private static List<Instruction> BestPrefix(byte[] bytes, int fault, int bitness, ulong baseIp)
    {
        for (var start = Math.Max(0, fault - MaxLookBack); start < fault; start++)
        {
            var run = DecodeExactly(bytes, start, fault, bitness, baseIp);
            if (run.Count > 0)
                return run;
        }
        return [];
    }

    private static List<Instruction> DecodeRun(byte[] bytes, int from, int to, int bitness, ulong baseIp, bool stopAtInvalid)
    {
        var slice = new byte[to - from];
        Array.Copy(bytes, from, slice, 0, slice.Length);
        var decoder = Decoder.Create(bitness, new ByteArrayCodeReader(slice), baseIp + (ulong)from, DecoderOptions.None);
        var end = baseIp + (ulong)to;
        var run = new List<Instruction>();
        while (decoder.IP < end)
        {
            decoder.Decode(out var instruction);
            var invalid = instruction.Code == Code.INVALID || decoder.LastError != DecoderError.None;
            if (invalid && stopAtInvalid)
                break;
            run.Add(instruction);
            if (invalid)
                break;
        }
        return run;
    }

    private static bool IsInvalid(this Instruction instruction) => instruction.Code == Code.INVALID;
}
