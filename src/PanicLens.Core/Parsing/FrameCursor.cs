using System.Buffers;
using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// A forward-only position in one line, with the small readers <see cref="FrameParser"/> is built from.
/// Every reader either consumes what it recognised and returns true, or leaves the position alone and returns false.
/// </summary>
internal ref struct FrameCursor(string text)
{
    private const int MaxSymbolLength = 512;

    // Character classes, scanned with vectorised searches: most frame lines are a long name and a long path.
    private static readonly SearchValues<char> SymbolChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$#");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> ModuleChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    private static readonly SearchValues<char> PathChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-/+.");
    private static readonly SearchValues<char> LineNumberChars = SearchValues.Create("0123456789:");

    private readonly string _text = text;
    private int _pos;

    public readonly bool AtEnd => _pos >= _text.Length;

    public readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    public void SkipSpaces()
    {
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t'))
            _pos++;
    }

    /// <summary>Skips what consoles put before a frame: blanks, `(XEN)`, a `&lt;4&gt;` level, a dropped-messages note, a stray uptime.</summary>
    public void SkipNoise()
    {
        SkipSpaces();
        if (TryLiteral("(XEN)"))
            SkipSpaces();
        if (Peek() == '*' && _text.AsSpan(_pos).StartsWith("** "))
        {
            int end = _text.IndexOf(" **", _pos + 3, StringComparison.Ordinal);
            if (end > 0)
                _pos = end + 3;
            SkipSpaces();
        }
        if (_pos + 2 < _text.Length && _text[_pos] == '<' && char.IsAsciiDigit(_text[_pos + 1]) && _text[_pos + 2] == '>')
        {
            _pos += 3;
            SkipSpaces();
        }
        SkipUptime();
    }

    private void SkipUptime()
    {
        if (Peek() != '[')
            return;
        int i = _pos + 1;
        while (i < _text.Length && _text[i] == ' ')
            i++;
        int digits = i;
        while (i < _text.Length && (char.IsAsciiDigit(_text[i]) || _text[i] == '.'))
            i++;
        if (i > digits && i < _text.Length && _text[i] == ']' && _text.AsSpan(digits, i - digits).Contains('.'))
        {
            _pos = i + 1;
            SkipSpaces();
        }
    }

    public bool TryChar(char c)
    {
        if (Peek() != c || AtEnd)
            return false;
        _pos++;
        return true;
    }

    public bool TryLiteral(string literal)
    {
        // The first character decides for nearly every line; the span comparison only runs when it agrees.
        if (_pos >= _text.Length || _text[_pos] != literal[0] || !_text.AsSpan(_pos).StartsWith(literal, StringComparison.Ordinal))
            return false;
        _pos += literal.Length;
        return true;
    }

    /// <summary>`[&lt;hex&gt;]`, `[&lt;&gt;]`, `[]` (addresses removed) or ppc64 `[hex]`; the hex (maybe empty) comes back.</summary>
    public bool TryAddress(out string address)
    {
        var found = TryAddressRange(out var range);
        address = found ? _text.Substring(range.Start, range.Length) : "";
        return found;
    }

    /// <summary>As <see cref="TryAddress"/>, giving where the hex stands.</summary>
    public bool TryAddressRange(out TextRange address)
    {
        address = TextRange.None;
        if (Peek() != '[')
            return false;
        int i = _pos + 1;
        bool angled = i < _text.Length && _text[i] == '<';
        if (angled)
            i++;
        // Vendor arm64 kernels print `pc : [0xffffffe3988e81e4] f+0x1c/0x90`: the address keeps its `0x`.
        if (i + 2 < _text.Length && _text[i] == '0' && _text[i + 1] == 'x' && char.IsAsciiHexDigit(_text[i + 2]))
            i += 2;
        int start = i;
        i = RunEnd(i, HexDigits, int.MaxValue);
        int end = i;
        if (angled)
        {
            if (i >= _text.Length || _text[i] != '>')
                return false;
            i++;
        }
        if (i >= _text.Length || _text[i] != ']')
            return false;
        address = new TextRange(start, end - start);
        _pos = i + 1;
        return true;
    }

    /// <summary>
    /// The address column as sysklogd's klogd rewrote it (ksym.c ExpandKadds: the hex between `[&lt;` and `&gt;]` replaced by
    /// the System.map symbol and `+%d/%d`, `+0x%x/0x%02x` in later forks): `[driver_probe_device+163/432]`. It stands for the
    /// address, which is gone: an empty range where the column began, then the kernel's own `%pS` follows.
    /// </summary>
    public bool TryKlogdColumn(out TextRange column)
    {
        column = TextRange.None;
        if (Peek() != '[' || _pos + 1 >= _text.Length || !(char.IsAsciiLetter(_text[_pos + 1]) || _text[_pos + 1] == '_'))
            return false;
        var probe = this;
        probe._pos++;
        if (!probe.TrySymbolRange(out _, out _) || probe.Peek() != '+')
            return false;
        probe._pos++;
        if (!probe.TryNumber() || probe.Peek() != '/')
            return false;
        probe._pos++;
        if (!probe.TryNumber() || probe.Peek() != ']')
            return false;
        column = new TextRange(_pos + 1, 0);
        _pos = probe._pos + 1;
        return true;
    }

    /// <summary>Decimal digits, or `0x` and hex digits: klogd's offset and size.</summary>
    private bool TryNumber()
    {
        var i = _pos;
        var hex = i + 1 < _text.Length && _text[i] == '0' && _text[i + 1] == 'x';
        if (hex)
            i += 2;
        var start = i;
        while (i < _text.Length && i - start < 16 && (hex ? char.IsAsciiHexDigit(_text[i]) : char.IsAsciiDigit(_text[i])))
            i++;
        if (i == start)
            return false;
        _pos = i;
        return true;
    }

    /// <summary>x86_64 2.6.9 `&lt;ffffffff8010f2c4&gt;{`: the address, only when a brace follows.</summary>
    public bool TryOldStyleAddress(out string address)
    {
        address = "";
        if (Peek() != '<')
            return false;
        int i = _pos + 1;
        int start = i;
        while (i < _text.Length && char.IsAsciiHexDigit(_text[i]))
            i++;
        if (i == start || i + 1 >= _text.Length || _text[i] != '>' || _text[i + 1] != '{')
            return false;
        address = _text[start..i];
        _pos = i + 1;
        return true;
    }

    /// <summary>A kernel symbol (`__schedule`, `.eeh_handle_event`, `spinlock.c#check_lock`, `f.isra.0`) or a raw `0x` address.</summary>
    public bool TrySymbol(out string symbol)
    {
        symbol = "";
        if (!TrySymbolRange(out var start, out var length))
            return false;
        symbol = _text.Substring(start, length);
        return true;
    }

    /// <summary>As <see cref="TrySymbol"/>, without making the string: most lines offered turn out to be no frame.</summary>
    public bool TrySymbolRange(out int start, out int length)
    {
        start = _pos;
        length = 0;
        int i = _pos;
        if (i >= _text.Length)
            return false;
        char c = _text[i];
        if (!(char.IsAsciiLetter(c) || c == '_' || c == '.' || c == '$' || IsHexPrefix(i)))
            return false;
        i = RunEnd(i, SymbolChars, MaxSymbolLength);
        if (i < _text.Length && IsSymbolChar(_text[i]))
            return false;
        if (i - _pos == 1 && c == '.')
            return false;
        length = i - _pos;
        _pos = i;
        return true;
    }

    private readonly bool IsHexPrefix(int i) =>
        _text[i] == '0' && i + 2 < _text.Length && _text[i + 1] == 'x' && char.IsAsciiHexDigit(_text[i + 2]);

    private static bool IsSymbolChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '#';

    /// <summary>`+0x1/0x2`, `+0x1c4` (no size), Xen `+0/0x30`; hex comes back without `0x`.</summary>
    public bool TryOffsetAndSize(out string? offset, out string? size)
    {
        var found = TryOffsetAndSizeRanges(out var offsetRange, out var sizeRange);
        offset = Cut(offsetRange);
        size = Cut(sizeRange);
        return found;
    }

    /// <summary>As <see cref="TryOffsetAndSize"/>, giving where the hex digits stand.</summary>
    public bool TryOffsetAndSizeRanges(out TextRange offset, out TextRange size)
    {
        offset = TextRange.None;
        size = TextRange.None;
        if (Peek() != '+')
            return false;
        var text = _text.AsSpan();
        int i = _pos + 1;
        if (!TryHexAt(text, ref i, out var off))
            return false;
        if (i < text.Length && text[i] == '/')
        {
            int j = i + 1;
            if (TryHexAt(text, ref j, out var sz))
            {
                size = sz;
                i = j;
            }
        }
        offset = off;
        _pos = i;
        return true;
    }

    private readonly string? Cut(TextRange range) => range.IsNone ? null : _text.Substring(range.Start, range.Length);

    /// <summary>`0x`-prefixed (or bare) hex at <paramref name="i"/> in <paramref name="text"/>, at most 32 digits.</summary>
    private static bool TryHexAt(ReadOnlySpan<char> text, ref int i, out TextRange hex)
    {
        hex = TextRange.None;
        int j = i;
        if ((uint)(j + 1) < (uint)text.Length && text[j] == '0' && (text[j + 1] | 0x20) == 'x')
            j += 2;
        int start = j;
        int limit = Math.Min(text.Length, start + 32);
        // Offsets and sizes are a few digits: a plain loop over a local span beats a vectorised search here.
        while (j < limit && char.IsAsciiHexDigit(text[j]))
            j++;
        if (j == start)
            return false;
        hex = new TextRange(start, j - start);
        i = j;
        return true;
    }

    /// <summary>`[word]` with a module-name word; the word comes back.</summary>
    public bool TryBracketWord(out string word)
    {
        var found = TryBracketWordRange(out var range);
        word = found ? _text.Substring(range.Start, range.Length) : "";
        return found;
    }

    private bool TryBracketWordRange(out TextRange word)
    {
        word = TextRange.None;
        if (Peek() != '[')
            return false;
        int start = _pos + 1;
        int i = RunEnd(start, ModuleChars, 128);
        if (i == start || i >= _text.Length)
            return false;
        int close = _text[i] == ']' ? i : AfterBuildId(i);
        if (close < 0)
            return false;
        word = new TextRange(start, i - start);
        _pos = close + 1;
        return true;
    }

    /// <summary>
    /// `[igc c7b6f7549edcf5dd76637367233bb9aa57fc35fd]`: since 5.14 a kernel built with CONFIG_STACKTRACE_BUILD_ID
    /// prints the module's build id after its name (kernel/kallsyms.c, `%pSb`). The index of the closing `]`, or -1.
    /// </summary>
    private readonly int AfterBuildId(int space)
    {
        if (_text[space] != ' ')
            return -1;
        int end = RunEnd(space + 1, HexDigits, 130);
        int digits = end - space - 1;
        return digits is >= 16 and <= 128 && end < _text.Length && _text[end] == ']' ? end : -1;
    }

    public bool TryModuleName(out string name)
    {
        name = "";
        int i = RunEnd(_pos, ModuleChars, 128);
        if (i == _pos)
            return false;
        name = _text[_pos..i];
        _pos = i;
        return true;
    }

    /// <summary>
    /// What may follow a frame's symbol: `[mod]`, `[inline]`/`(inline)`, a `file.c:12` source, arm64 `(P)`/`(L)`/`(T)`,
    /// ppc `(unreliable)`, and the closing `)` of an s390 parenthesised frame. Anything else means the line is no frame.
    /// </summary>
    public bool TryTail(bool parenthesised, out FrameTail tail)
    {
        tail = new FrameTail(null, TextRange.None, false, true);
        while (true)
        {
            SkipSpaces();
            if (AtEnd)
                return true;
            if (TryBracketWordRange(out var word))
            {
                if (_text.AsSpan(word.Start, word.Length).SequenceEqual("inline"))
                    tail = tail with { Inline = true };
                else if (tail.Module is null)
                    tail = tail with { Module = _text.Substring(word.Start, word.Length) };
                else
                    return false;
            }
            else if (TryLiteral("(inline)"))
                tail = tail with { Inline = true };
            else if (TryLiteral("(unreliable)"))
                tail = tail with { Reliable = false };
            else if (TryArm64Mark())
                continue;
            else if (parenthesised && TryChar(')'))
                parenthesised = false;
            else if (tail.Source.IsNone && TryParenthesisedSource(out var decoded))
                tail = tail with { Source = decoded };
            else if (tail.Source.IsNone && TrySource(out var source))
                tail = tail with { Source = source };
            else
                return false;
        }
    }

    /// <summary>scripts/decode_stacktrace.sh appends the source in parentheses: `f+0x831/0x4040 (net/x/core.c:1751)`.</summary>
    private bool TryParenthesisedSource(out TextRange source)
    {
        source = TextRange.None;
        if (Peek() != '(')
            return false;
        var start = _pos;
        _pos++;
        if (TrySource(out source, ')') && TryChar(')'))
            return true;
        _pos = start;
        source = TextRange.None;
        return false;
    }

    private bool TryArm64Mark()
    {
        if (_pos + 2 < _text.Length && _text[_pos] == '(' && char.IsAsciiLetterUpper(_text[_pos + 1]) && _text[_pos + 2] == ')')
        {
            _pos += 3;
            return true;
        }
        return false;
    }

    /// <summary>`path/file.c:123` (optionally `:col`): path characters, a dot before the first colon, digits after it.</summary>
    private bool TrySource(out TextRange source, char end = ' ')
    {
        source = TextRange.None;
        var rest = _text.AsSpan(_pos, Math.Min(_text.Length - _pos, 1024));
        var space = rest.IndexOf(end);
        if (space < 0 && end != ' ')
            return false;
        var word = space < 0 ? rest : rest[..space];
        int colon = word.IndexOf(':');
        if (colon < 0 || colon + 1 >= word.Length || !char.IsAsciiDigit(word[colon + 1]))
            return false;
        var path = word[..colon];
        if (!path.Contains('.') || path.IndexOfAnyExcept(PathChars) >= 0 || word[(colon + 1)..].IndexOfAnyExcept(LineNumberChars) >= 0)
            return false;
        source = new TextRange(_pos, word.Length);
        _pos += word.Length;
        return true;
    }

    /// <summary>Index of the first character from <paramref name="start"/> not in <paramref name="chars"/>, looking at most <paramref name="max"/> characters.</summary>
    private readonly int RunEnd(int start, SearchValues<char> chars, int max)
    {
        if (start >= _text.Length)
            return start;
        var span = _text.AsSpan(start, Math.Min(_text.Length - start, max));
        int end = span.IndexOfAnyExcept(chars);
        return start + (end < 0 ? span.Length : end);
    }
}

/// <summary>What <see cref="FrameCursor.TryTail"/> found after a frame's symbol.</summary>
internal readonly record struct FrameTail(string? Module, TextRange Source, bool Inline, bool Reliable);
