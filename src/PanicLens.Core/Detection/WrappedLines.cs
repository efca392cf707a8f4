namespace PanicLens.Detection;

/// <summary>
/// A console line a mail client or a console server wrapped at its width (72-80 columns): the tail went to a line of its
/// own with no stamp. Which tails are taken back is told by where the line before stops: where the kernel's format goes
/// on with a function.
/// </summary>
public static class WrappedLines
{
    /// <summary>
    /// True when <paramref name="previous"/> stops where a function name belongs (`WARNING: ... at file.c:123`, lockdep's
    /// `at:`, arm's `from [&lt;c0123&gt;]`, `... in`, a register line's label `RIP:`/`EIP:`/`NIP:`/`pc :`/`PC is at`, an address
    /// column `[&lt;ffffffff81416c20&gt;] ?` of a frame or lockdep's `at:`) and
    /// <paramref name="tail"/> starts with one (`func+0x1/0x2`, `(func+0x1/0x2)`, after a register line's `0010:` code
    /// segment): a wrap at 72-80 columns, never foreign output (which names no function there). After a bare ` at`, the
    /// tail may start with the source location __warn prints before the function (kernel/panic.c: `at %s:%d %pS`).
    /// </summary>
    public static bool IsWrappedFunction(string previous, string tail)
    {
        var end = previous.AsSpan().TrimEnd();
        var at = end.LastIndexOf(' ');
        var last = at < 0 ? end : end[(at + 1)..];
        var register = last is "RIP:" or "EIP:" or "IP:" or "NIP:" || end.EndsWith(" pc :", StringComparison.Ordinal)
            || end.SequenceEqual("pc :") || end.EndsWith("PC is at", StringComparison.Ordinal);
        var bareAt = end.EndsWith(" at", StringComparison.Ordinal);
        var before = register || bareAt || Parsing.FrameParser.EndsWithAddress(previous) || end.EndsWith(" at:", StringComparison.Ordinal) || end.EndsWith(" in", StringComparison.Ordinal)
            || (last.Length > 2 && last[0] == '[' && last[^1] == ']' && end[..Math.Max(at, 0)].EndsWith(" from", StringComparison.Ordinal))
            || (end.StartsWith("WARNING:", StringComparison.Ordinal) && at > 0 && end[..at].EndsWith(" at", StringComparison.Ordinal) && last.Contains(':'));
        if (!before)
            return false;
        var t = tail.AsSpan().TrimStart();
        // x86 prints the code segment first: `RIP: 0010:func+0x1/0x2` (arch/x86/kernel/dumpstack.c show_ip, `%04x:`).
        if (register && t.Length > 5 && t[4] == ':' && t[..4].IndexOfAnyExcept("0123456789abcdef") < 0)
            t = t[5..];
        if (bareAt && t.IndexOf(' ') is > 0 and var blank && SymbolizedLines.IsWrappedSource(t[..blank].ToString()))
            t = t[(blank + 1)..].TrimStart();
        if (t.Length > 0 && t[0] == '(')
            t = t[1..];
        // x86_64 of 2.6.16 to 2.6.2x put a module's name in colons before its symbol (arch/x86_64/kernel/traps.c
        // printk_address: `[<addr>] :snd:snd_device_new+0x59/0xb0`), so a wrap after the address column leaves `:mod:` first.
        if (t.Length > 2 && t[0] == ':' && t[1..].IndexOf(':') is > 0 and var close && t[1..(close + 1)].IndexOfAnyExcept(NameChars) < 0)
            t = t[(close + 2)..];
        var name = t.IndexOfAnyExcept(NameChars);
        return name > 0 && t[name..].StartsWith("+0x", StringComparison.Ordinal);
    }

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.");
}
