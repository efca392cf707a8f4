namespace PanicLens.Signatures;

/// <summary>
/// Turns mangled C++ (Itanium `_Z`) and Rust (v0 `_R`) symbol names from kernel traces into their paths,
/// without parameters: `_Z8fakeNameiii` → `fakeName`, `_RNvMNtCs1a_4core3fooNtB2_3Bar3baz` → `&lt;core::foo::Bar&gt;::baz`.
/// Anything it cannot read comes back unchanged; it never throws.
/// </summary>
public static class Demangler
{
    public static string Demangle(string name)
    {
        if (name.Length < 3 || name[0] != '_')
            return name;
        if (name[1] == 'Z')
            return Itanium(name) ?? name;
        if (name[1] == 'R')
            return new RustV0(name).Path() ?? name;
        return name;
    }

    private static string? Itanium(string name)
    {
        var pos = 2;
        if (pos < name.Length && name[pos] == 'N')
        {
            pos++;
            var parts = new List<string>();
            while (pos < name.Length && name[pos] != 'E')
            {
                if (ReadSourceName(name, ref pos) is not { } part)
                    return null;
                parts.Add(part);
            }
            return parts.Count == 0 ? null : string.Join("::", parts);
        }
        return ReadSourceName(name, ref pos);
    }

    private static string? ReadSourceName(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            pos++;
        if (pos == start || !int.TryParse(s.AsSpan(start, pos - start), out var length) || length <= 0 || pos + length > s.Length)
            return null;
        var text = s.Substring(pos, length);
        pos += length;
        return text;
    }

    /// <summary>A reader for the parts of Rust v0 paths kernel symbols use: N, C, M, X, Y, B back-references.</summary>
    private sealed class RustV0(string s)
    {
        private int pos = 2;
        private int depth;

        public string? Path()
        {
            try
            {
                return ReadPath();
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private string ReadPath()
        {
            if (++depth > 64 || pos >= s.Length)
                throw new FormatException();
            var tag = s[pos++];
            string result;
            switch (tag)
            {
                case 'C':
                    SkipDisambiguator();
                    result = ReadIdent();
                    break;
                case 'N':
                    pos++; // namespace kind: v (value), t (type), or other
                    var parent = ReadPath();
                    SkipDisambiguator();
                    var ident = ReadIdent();
                    result = ident.Length == 0 ? parent : parent + "::" + ident;
                    break;
                case 'M':
                    SkipImplPath();
                    result = "<" + ReadType() + ">";
                    break;
                case 'X':
                    SkipImplPath();
                    var self = ReadType();
                    result = "<" + self + " as " + ReadPath() + ">";
                    break;
                case 'Y':
                    var type = ReadType();
                    result = "<" + type + " as " + ReadPath() + ">";
                    break;
                case 'B':
                    result = AtBackref(ReadPath);
                    break;
                default:
                    throw new FormatException();
            }
            depth--;
            return result;
        }

        private string ReadType()
        {
            if (pos < s.Length && s[pos] == 'B')
            {
                pos++;
                return AtBackref(ReadType);
            }
            return ReadPath();
        }

        private string AtBackref(Func<string> read)
        {
            var target = (int)ReadBase62() + 2;
            if (target >= pos)
                throw new FormatException();
            var saved = pos;
            pos = target;
            var text = read();
            pos = saved;
            return text;
        }

        private void SkipImplPath()
        {
            SkipDisambiguator();
            ReadPath();
        }

        /// <summary>`s&lt;base62&gt;_`: a crate hash or impl index; its value is never shown, so only its end is found.</summary>
        private void SkipDisambiguator()
        {
            if (pos >= s.Length || s[pos] != 's')
                return;
            var end = s.IndexOf('_', pos);
            if (end < 0)
                throw new FormatException();
            pos = end + 1;
        }

        private long ReadBase62()
        {
            if (pos < s.Length && s[pos] == '_')
            {
                pos++;
                return 0;
            }
            long value = 0;
            while (pos < s.Length && s[pos] != '_')
            {
                var c = s[pos++];
                var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterLower(c) ? c - 'a' + 10 : char.IsAsciiLetterUpper(c) ? c - 'A' + 36 : throw new FormatException();
                value = value * 62 + digit;
                if (value > int.MaxValue)
                    throw new FormatException();
            }
            if (pos >= s.Length)
                throw new FormatException();
            pos++;
            return value + 1;
        }

        private string ReadIdent()
        {
            if (pos < s.Length && s[pos] == 'u')
                throw new FormatException(); // punycode identifiers: not used by kernel symbols
            var start = pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                pos++;
            if (start == pos || !int.TryParse(s.AsSpan(start, pos - start), out var length))
                throw new FormatException();
            if (pos < s.Length && s[pos] == '_')
                pos++;
            if (pos + length > s.Length)
                throw new FormatException();
            var ident = s.Substring(pos, length);
            pos += length;
            return ident;
        }
    }
}
