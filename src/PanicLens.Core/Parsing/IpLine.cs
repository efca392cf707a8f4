using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Reads the faulting instruction pointer in each era's form: `IP: [&lt;..&gt;] f`, `RIP: 0010:[&lt;..&gt;]  [&lt;..&gt;] f`,
/// `RIP: e030:[]  [] f` (addresses removed), `RIP: 0010:f+0x1/0x2 [mod]`, `EIP: [&lt;..&gt;] f SS:ESP ..`, `EIP is at f`,
/// arm `PC is at f`, arm64 `pc : f`, ppc `NIP [..] f`, m68k `PC: [&lt;..&gt;] f`, s390 `Krnl PSW : .. .. (f)`, mips `epc   : 8119bd54 f`, riscv `epc : f`,
/// mce `RIP !INEXACT! 10:&lt;..&gt; {f}`.
/// A user-space pointer (`RIP: 0033:0x44a739`) is no faulting function and is refused.
/// </summary>
internal static class IpLine
{
    private sealed record IpPrefix(string Literal, bool Segment, string Why);

    private static readonly IpPrefix[] Prefixes =
    [
        new("RIP: ", true, "x86_64 __show_regs; segment 0010, Xen PV e030, Xen itself e008"),
        new("EIP: ", true, "i386 __show_regs; 0060:[<..>] carries no symbol before 3.x, `EIP is at` follows"),
        new("IP: ", false, "x86 page-fault header line, 2.6 to 4.x"),
        new("EIP is at ", false, "i386 before 4.x"),
        new("PC is at ", false, "arm32 __show_regs"),
        new("pc : ", false, "arm64 __show_regs"),
        new("NIP ", false, "ppc64 show_regs `NIP [addr] sym`; `NIP:` is the register dump"),
        new("PC: ", false, "m68k show_registers `PC: [<%08lx>] %pS`"),
        new("RIP ", true, "mce: `RIP !INEXACT! 10:<addr> {sym}`"),
    ];

    /// <summary>The first characters of every prefix (s390 `Krnl PSW` included): other lines are passed over at one look.</summary>
    private static readonly System.Buffers.SearchValues<char> Starts =
        System.Buffers.SearchValues.Create(string.Concat(Prefixes.Select(prefix => prefix.Literal[0]).Append('K').Append('e').Distinct()));

    public static bool TryRead(string text, out Frame frame, out string? segment)
    {
        frame = null!;
        segment = null;
        if (text.Length == 0 || !Starts.Contains(text[0]))
            return false;
        if (text.StartsWith("Krnl PSW : ", StringComparison.Ordinal))
            return TryReadParenthesised(text, out frame);
        if (text.StartsWith("epc ", StringComparison.Ordinal))
            return TryReadMips(text, out frame);
        foreach (var prefix in Prefixes)
        {
            if (!text.StartsWith(prefix.Literal, StringComparison.Ordinal))
                continue;
            var rest = text.AsSpan(prefix.Literal.Length).TrimStart();
            if (prefix.Segment)
                rest = TakeSegment(rest, out segment);
            return TryFrame(rest, out frame);
        }
        return false;
    }

    private static ReadOnlySpan<char> TakeSegment(ReadOnlySpan<char> rest, out string? segment)
    {
        segment = null;
        if (rest.StartsWith("!INEXACT! "))
            rest = rest[10..];
        int colon = rest.IndexOf(':');
        if (colon is >= 2 and <= 4 && IsHex(rest[..colon]))
        {
            segment = rest[..colon].ToString();
            rest = rest[(colon + 1)..].TrimStart();
        }
        return rest;
    }

    private static bool TryFrame(ReadOnlySpan<char> rest, out Frame frame)
    {
        frame = null!;
        int brace = rest.IndexOf('{');
        if (brace >= 0)
        {
            int close = rest.LastIndexOf('}');
            if (close <= brace)
                return false;
            rest = rest[(brace + 1)..close];
        }
        // i386 appends the stack segment and pointer: `EIP: [<c04bb3e5>] f+0x25/0x170 [radeon] SS:ESP 0068:f1b11c9c`.
        int tail = rest.IndexOf(" SS:ESP", StringComparison.Ordinal);
        if (tail >= 0)
            rest = rest[..tail];
        if (!FrameParser.TryParseFrame(rest.ToString(), out frame) || frame.Function.StartsWith("0x", StringComparison.Ordinal))
            return false;
        return true;
    }

    private static bool TryReadParenthesised(string text, out Frame frame)
    {
        frame = null!;
        int open = text.IndexOf('(');
        int close = text.LastIndexOf(')');
        if (open < 0 || close <= open)
            return false;
        return FrameParser.TryParseFrame(text[(open + 1)..close], out frame) && !frame.Function.StartsWith("0x", StringComparison.Ordinal);
    }

    /// <summary>
    /// arch/mips/kernel/traps.c __show_regs: `epc   : %0*lx %pS`, the address then the symbol; arch/riscv/kernel/process.c
    /// __show_regs: `epc : %pS`, the symbol alone.
    /// </summary>
    private static bool TryReadMips(string text, out Frame frame)
    {
        frame = null!;
        var rest = text.AsSpan(3).TrimStart();
        if (!rest.StartsWith(": "))
            return false;
        rest = rest[2..].TrimStart();
        int space = rest.IndexOf(' ');
        // riscv __show_regs prints `epc : %pS` (the symbol alone) before its `epc : <hex> ra : <hex>` register row.
        if (space < 0 || !IsHex(rest[..space]))
            return TryFrame(rest, out frame);
        if (space is < 8 or > 16)
            return false;
        return TryFrame(rest[(space + 1)..].TrimStart(), out frame);
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (!char.IsAsciiHexDigit(c))
                return false;
        return true;
    }
}
