namespace PanicLens.Ingest;

/// <summary>
/// One way a collector or the kernel prefixes console lines. <see cref="Match"/> looks at the start of the text and
/// returns how many chars the prefix takes (0: not this form), filling what the prefix says into the <see cref="Prefix"/>.
/// <see cref="Outer"/>: a layer added around the whole captured line (mail quoting, a hypervisor console's column,
/// indentation), read only in front of every other prefix. <see cref="BehindIndent"/>: the form is also read behind
/// blanks (a log pasted indented); false for a form whose text after blanks is the kernel's own.
/// </summary>
public sealed record PrefixForm(string Name, string Example, PrefixForm.Matcher Match, bool Outer = false, bool BehindIndent = true)
{
    public delegate int Matcher(ReadOnlySpan<char> text, ref Prefix prefix);
}
