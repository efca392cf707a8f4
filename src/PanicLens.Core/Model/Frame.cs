namespace PanicLens.Model;

/// <summary>
/// One call-trace entry: `[&lt;ffffffff8100&gt;] ? func+0x1/0x2 [mod]`, `func+0x1/0x2 mm/file.c:12`, arm64 `func+0x1/0x2 (P)`.
/// Offset and Size are hex text without 0x, or null when the kernel did not print them.
/// A frame read from a console line keeps the line and where its parts stand on it, and cuts a part out the first
/// time it is asked for: a report has dozens of frames, and most of their parts are never read.
/// Two frames are equal when their parts are.
/// </summary>
public sealed record Frame
{
    private readonly string? _line;
    private TextRange _function = TextRange.None, _offset = TextRange.None, _size = TextRange.None,
        _address = TextRange.None, _source = TextRange.None;
    private string? _functionText, _offsetText, _sizeText, _addressText, _sourceText;

    public Frame(string Function, string? Offset, string? Size, string? Module, bool Reliable)
    {
        this.Function = Function;
        this.Offset = Offset;
        this.Size = Size;
        this.Module = Module;
        this.Reliable = Reliable;
    }

    /// <summary>A frame whose parts stand on <paramref name="line"/> (an empty address range means no address).</summary>
    internal Frame(string line, TextRange function, TextRange offset, TextRange size, TextRange address, TextRange source,
        string? module, bool reliable, bool inline)
    {
        _line = line;
        _function = function;
        _offset = offset;
        _size = size;
        _address = address.Length == 0 ? TextRange.None : address;
        _source = source;
        Module = module;
        Reliable = reliable;
        Inline = inline;
    }

    public string Function
    {
        get => _functionText ??= Cut(_function) ?? "";
        init => (_functionText, _function) = (value, TextRange.None);
    }

    public string? Offset
    {
        get => _offsetText ??= Cut(_offset);
        init => (_offsetText, _offset) = (value, TextRange.None);
    }

    public string? Size
    {
        get => _sizeText ??= Cut(_size);
        init => (_sizeText, _size) = (value, TextRange.None);
    }

    public string? Module { get; init; }

    public bool Reliable { get; init; }

    public string? Address
    {
        get => _addressText ??= Cut(_address);
        init => (_addressText, _address) = (value, TextRange.None);
    }

    /// <summary>`file.c:123` when the trace was symbolised with source locations.</summary>
    public string? Source
    {
        get => _sourceText ??= Cut(_source);
        init => (_sourceText, _source) = (value, TextRange.None);
    }

    /// <summary>True for `(inline)` frames of symbolised traces.</summary>
    public bool Inline { get; init; }

    /// <summary>Whether the frame has an address, without cutting it out.</summary>
    internal bool HasAddress => _addressText is not null || !_address.IsNone;

    /// <summary>The address, without cutting it out (empty when none).</summary>
    internal ReadOnlySpan<char> AddressSpan => _addressText ?? (_address.IsNone ? default : _line.AsSpan(_address.Start, _address.Length));

    /// <summary>The function name, without cutting it out.</summary>
    internal ReadOnlySpan<char> FunctionSpan => _functionText ?? (_function.IsNone ? default : _line.AsSpan(_function.Start, _function.Length));

    private string? Cut(TextRange range) => range.IsNone ? null : _line!.Substring(range.Start, range.Length);

    public bool Equals(Frame? other) =>
        other is not null && Function == other.Function && Offset == other.Offset && Size == other.Size && Module == other.Module
        && Reliable == other.Reliable && Address == other.Address && Source == other.Source && Inline == other.Inline;

    public override int GetHashCode() => HashCode.Combine(Function, Offset, Size, Module, Reliable, Address, Source, Inline);
}

/// <summary>Where a part of a line stands; <see cref="None"/> when the line lacks it.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public static readonly TextRange None = new(0, -1);

    public bool IsNone => Length < 0;
}
