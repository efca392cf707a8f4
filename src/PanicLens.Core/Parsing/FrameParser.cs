using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Reads one call-trace line of any era and architecture into a <see cref="Frame"/>. A hand-written scanner:
/// every character is looked at a bounded number of times, so hostile text costs linear time and nothing throws.
/// Shapes read (leading blanks, `(XEN)`, `&lt;N&gt;` levels and `** N printk messages dropped **` are skipped first):
/// <code>
///   [&lt;ffffffff81234567&gt;] ? func+0x1/0x2 [mod]     x86 and i386 to 4.x, s390, mips; `[]` when addresses were removed
///   ? func+0x1/0x2 [mod]                         x86 since 4.15 (addresses hashed away)
///   func+0x1/0x2 mm/file.c:12 / func mm/file.c:12 [inline]   symbolised (syzkaller) traces
///   func+0x1/0x2 (P)                             arm64 since 6.13: (P) pc, (L) lr, (T) task switch
///   [&lt;c0123&gt;] (func+0x1/0x2 [mod]) from [&lt;c0456&gt;] (caller+0x3/0x4)   arm32; the frame is the first function
///   func from caller+0x3/0x4 [mod]               arm32 since 5.16 (`%ps from %pS`); the frame is the first function
///   Function entered at [&lt;c0123&gt;] from [&lt;c0456&gt;]   arm32 without kallsyms: function is the address
///   [c0000000fe2c3b30] [d000000001234567] .func+0x1/0x2 [mod]   ppc64: stack pointer, then address
///   ([&lt;000003ff8086d036&gt;] func+0x36/0x1000 [mod])   s390: the interrupted frame in parentheses
///   &lt;ffffffff8010f2c4&gt;{do_page_fault+0x1c4} / {:mod:func+0x2f}   x86_64 2.6.9
///   [&lt;ffffffffa00997be&gt;] :mod:func+0x26/0x3e          x86_64 2.6.16 to 2.6.2x, a module's symbol
///   [func+163/432] func+0xa3/0x1b0                  the address column as sysklogd's klogd rewrote it
/// </code>
/// A frame without a symbol (`0xc000000049a875a0 (unreliable)`, s390 `0x3fffd4a1d92`) gets the address as
/// its function, `0x` included, so callers can tell it apart from a name. `?` and `(unreliable)` mark a frame unreliable.
/// </summary>
public static class FrameParser
{
    /// <summary>Longest line looked at; console lines are at most 1024 bytes, longer text is not a frame.</summary>
    private const int MaxLength = 4096;

    /// <summary>
    /// A line cut right after an address column that a function follows on the console: a frame's
    /// (` [&lt;ffffffff81416c20&gt;]`, ` [&lt;ffffffff81416c20&gt;] ?`), lockdep's `(&amp;lock){+.+.}, at: [&lt;00000000466bd7df&gt;]` (4.x
    /// prints `at: [&lt;%p&gt;] %pS`), old x86's `RIP: 0010:[&lt;ffffffff8123&gt;]`, ppc64's two columns. A mail client wrapped it there, and the
    /// function is the next line's start.
    /// </summary>
    public static bool EndsWithAddress(string text)
    {
        var end = text.AsSpan().TrimEnd();
        if (end.EndsWith(" ?", StringComparison.Ordinal))
            end = end[..^2].TrimEnd();
        if (end.Length > MaxLength)
            return false;
        if (!end.EndsWith(">]", StringComparison.Ordinal))
            return IsPpcColumns(end.TrimStart());
        var open = end.LastIndexOf("[<", StringComparison.Ordinal);
        if (open < 0)
            return false;
        var hex = end[(open + 2)..^2];
        if (hex.StartsWith("0x", StringComparison.Ordinal))
            hex = hex[2..];
        // `drivers/usb/core/urb.c:74 [<ffffffff82f7cce8>]`: a reflowed symbolised trace, where the address after a frame's
        // source location is the next frame's; joining would hide that frame.
        var before = end[..open].TrimEnd();
        var sourceLine = before.Length > 0 && char.IsAsciiDigit(before[^1]) && before.TrimEnd("0123456789").EndsWith(':');
        return hex.Length > 0 && !hex.ContainsAnyExcept(HexDigits) && !sourceLine;
    }

    /// <summary>
    /// ppc64's columns alone, `[c0000014b71ef8f0] [c00000000040d210]` (arch/powerpc/kernel/process.c show_stack prints
    /// `[%016lx] [%016lx] %pS`; 32-bit `[%08lx]`): one or two bracketed addresses of 8 or more hex digits, nothing else.
    /// </summary>
    private static bool IsPpcColumns(ReadOnlySpan<char> s)
    {
        var columns = 0;
        while (s.Length > 0 && columns < 2)
        {
            if (s[0] != '[')
                return false;
            var close = s.IndexOf(']');
            if (close < 9 || s[1..close].ContainsAnyExcept(HexDigits))
                return false;
            columns++;
            s = s[(close + 1)..].TrimStart();
        }
        return columns > 0 && s.Length == 0;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static bool TryParseFrame(string? text, out Frame frame)
    {
        frame = null!;
        if (text is null || text.Length == 0 || text.Length > MaxLength)
            return false;
        var cursor = new FrameCursor(text);
        cursor.SkipNoise();
        if (cursor.TryLiteral("Function entered at "))
            return TryParseEnteredAt(ref cursor, out frame);
        bool parenthesised = cursor.TryChar('(');
        var address = TextRange.None;
        if (cursor.TryAddressRange(out var first))
        {
            address = first;
            cursor.SkipSpaces();
            // ppc64 prints the stack pointer first and the return address second.
            if (cursor.TryAddressRange(out var second))
            {
                address = second;
                cursor.SkipSpaces();
            }
        }
        else if (cursor.TryOldStyleAddress(out var old))
            return TryParseOldStyle(ref cursor, old, out frame);
        else if (cursor.TryKlogdColumn(out var klogd))
        {
            address = klogd;
            cursor.SkipSpaces();
        }

        if (!address.IsNone && cursor.Peek() == '(')
            return TryParseArm32(ref cursor, text.Substring(address.Start, address.Length), out frame);

        bool reliable = !cursor.TryLiteral("? ");
        cursor.SkipSpaces();
        var colonModule = !address.IsNone && TryColonModule(ref cursor, out var leading) ? leading : null;
        if (!cursor.TrySymbolRange(out var symbolStart, out var symbolLength))
            return false;
        bool isAddress = text.AsSpan(symbolStart, symbolLength).StartsWith("0x");
        // A bare word with nothing after it but a colon or more words ("RAX: ...", "Hardware name: ...") is no
        // frame: say so before any string is made.
        if (address.IsNone && !isAddress && !cursor.AtEnd && cursor.Peek() is not ('+' or ' ' or '\t' or '[' or '(' or ')'))
            return false;
        cursor.TryOffsetAndSizeRanges(out var offset, out var size);
        if (address.IsNone && !isAddress && offset.IsNone && TryArmFromTail(ref cursor, out var calleeModule))
        {
            frame = new Frame(text, new TextRange(symbolStart, symbolLength), offset, size, address, TextRange.None, calleeModule, reliable, false);
            return true;
        }
        if (!cursor.TryTail(parenthesised, out var tail))
            return false;
        // A bare word with nothing around it ("Stack:", "Trace") is not a frame; an address, an offset, a source
        // location, an inline mark or a bracketed address before it makes it one.
        if (offset.IsNone && address.IsNone && tail.Source.IsNone && !tail.Inline && !isAddress)
            return false;
        if (colonModule is not null && (offset.IsNone || tail.Module is not null))
            return false;
        // The parts are cut from the line when asked for (Frame).
        frame = new Frame(text, new TextRange(symbolStart, symbolLength), offset, size, address, tail.Source,
            colonModule ?? tail.Module, reliable && tail.Reliable, tail.Inline);
        return true;
    }

    /// <summary>
    /// x86_64 from 2.6.16 to the x86 merge (arch/x86_64/kernel/traps.c printk_address) printed a module's symbol as
    /// ` [&lt;%016lx&gt;] %s%s%s%s+0x%lx/0x%lx` with `delim = ":"` around the module name (empty for the core kernel):
    /// `[&lt;ffffffffa00997be&gt;] :ir_common:ir_input_free+0x26/0x3e`. Read only after an address, as printed.
    /// </summary>
    private static bool TryColonModule(ref FrameCursor cursor, out string module)
    {
        module = "";
        var probe = cursor;
        if (!probe.TryChar(':') || !probe.TryModuleName(out var name) || !probe.TryChar(':'))
            return false;
        module = name;
        cursor = probe;
        return true;
    }

    /// <summary>
    /// A header's `%pS` (`WARNING: ... at f.c:12 func+0x1/0x2 [mod]`, `BUG: KASAN: ... in func+0x1/0x2`): a whole frame,
    /// else its leading `func+0x1/0x2` when what follows it was cut or glued on by the capture (a line cut inside the
    /// module, `[mac8021`; journalctl's `[thunderb>`; a closing quote or letter of the text quoting it). The function and
    /// offset are the kernel's, the rest is unknown: no module is guessed from a cut one.
    /// </summary>
    public static bool TryParseHeaderFrame(string? text, out Frame frame)
    {
        if (TryParseFrame(text, out frame))
            return true;
        if (text is null || text.Length == 0 || text.Length > MaxLength)
            return false;
        var cursor = new FrameCursor(text);
        cursor.SkipSpaces();
        if (!cursor.TrySymbolRange(out var symbolStart, out var symbolLength) || text.AsSpan(symbolStart, symbolLength).StartsWith("0x")
            || !cursor.TryOffsetAndSizeRanges(out var offset, out var size) || offset.IsNone || size.IsNone)
            return false;
        // `func+0x1/0x2` ends at the size: a hex digit or name character right after it means the size itself was cut.
        if (!cursor.AtEnd && (char.IsAsciiLetterOrDigit(cursor.Peek()) || cursor.Peek() == '_'))
            return false;
        frame = new Frame(text, new TextRange(symbolStart, symbolLength), offset, size, TextRange.None, TextRange.None, null, true, false);
        return true;
    }

    /// <summary>
    /// arm since 5.16 (arch/arm/kernel/traps.c dump_backtrace_entry, `%ps from %pS`): ` callee from caller+0x18/0x1c`.
    /// The line's frame is the callee; the caller after `from` must be a symbol with its offset. `%ps` names a module's
    /// symbol with its module as `%pS` does (lib/vsprintf.c symbol_string: ` [mod]` after the name, offset or not), so
    /// the callee may carry one: ` zs_map_object [zsmalloc] from zram_bvec_rw+0x254/0xa58 [zram]`.
    /// </summary>
    private static bool TryArmFromTail(ref FrameCursor cursor, out string? calleeModule)
    {
        calleeModule = null;
        var probe = cursor;
        probe.SkipSpaces();
        if (probe.TryBracketWord(out var module))
        {
            calleeModule = module;
            probe.SkipSpaces();
        }
        if (!probe.TryLiteral("from "))
            return false;
        probe.SkipSpaces();
        if (!probe.TrySymbolRange(out _, out _) || !probe.TryOffsetAndSizeRanges(out var offset, out var size) || offset.IsNone || size.IsNone)
            return false;
        if (!probe.TryTail(false, out _))
            return false;
        cursor = probe;
        return true;
    }

    private static bool TryParseEnteredAt(ref FrameCursor cursor, out Frame frame)
    {
        frame = null!;
        if (!cursor.TryAddress(out var address) || string.IsNullOrEmpty(address))
            return false;
        cursor.SkipSpaces();
        if (!cursor.TryLiteral("from ") || !cursor.TryAddress(out _))
            return false;
        cursor.SkipSpaces();
        if (!cursor.AtEnd)
            return false;
        frame = new Frame("0x" + address, null, null, null, true) { Address = address };
        return true;
    }

    private static bool TryParseArm32(ref FrameCursor cursor, string address, out Frame frame)
    {
        frame = null!;
        cursor.TryChar('(');
        if (!cursor.TrySymbol(out var symbol))
            return false;
        cursor.TryOffsetAndSize(out var offset, out var size);
        string? module = null;
        cursor.SkipSpaces();
        if (cursor.TryBracketWord(out var word))
            module = word;
        if (!cursor.TryChar(')'))
            return false;
        cursor.SkipSpaces();
        // The rest is ` from [<lr>] (caller+0x3/0x4)`; only its presence is checked.
        if (!cursor.AtEnd && !cursor.TryLiteral("from "))
            return false;
        frame = new Frame(symbol, offset, size, module, true) { Address = NullIfEmpty(address) };
        return true;
    }

    private static bool TryParseOldStyle(ref FrameCursor cursor, string address, out Frame frame)
    {
        frame = null!;
        if (!cursor.TryChar('{'))
            return false;
        string? module = null;
        if (cursor.TryChar(':'))
        {
            if (!cursor.TryModuleName(out var name) || !cursor.TryChar(':'))
                return false;
            module = name;
        }
        if (!cursor.TrySymbol(out var symbol))
            return false;
        cursor.TryOffsetAndSize(out var offset, out var size);
        if (!cursor.TryChar('}'))
            return false;
        frame = new Frame(symbol, offset, size, module, true) { Address = address };
        return true;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
