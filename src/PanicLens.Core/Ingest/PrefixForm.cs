namespace PanicLens.Ingest;

/// <summary>
/// One way a collector or the kernel prefixes console lines. <see cref="Match"/> looks at the start of the text and
/// returns how many chars the prefix takes (0: not this form), filling what the prefix says into the <see cref="Prefix"/>.
/// </summary>
public sealed record PrefixForm(string Name, string Example, PrefixForm.Matcher Match)
{
    public delegate int Matcher(ReadOnlySpan<char> text, ref Prefix prefix);
}
