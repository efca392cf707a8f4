namespace PanicLens.Ingest;

/// <summary>
/// One way a collector or the kernel prefixes console lines. <see cref="Match"/> looks at the start of the text and
/// returns how many chars the prefix takes (0: not this form), filling what the prefix says into the <see cref="Prefix"/>.
/// <see cref="Outer"/>: a layer added around the whole captured line (mail quoting, a hypervisor console's column,
/// indentation), read only in front of every other prefix; the others are also read behind such indentation.
/// <see cref="Starts"/>: every char the form can start with (null: any), so a line is offered only the forms that
/// can match its first char.
/// <see cref="Stamps"/>: the console prints the form on every line it sends, so a line without it in a log of such
/// lines is a wrap; true for every inner form and for a console's own column (z/VM), false for quoting and indentation.
/// </summary>
public sealed record PrefixForm(string Name, string Example, PrefixForm.Matcher Match, bool Outer = false, string? Starts = null)
{
    public bool Stamps { get; init; } = !Outer;

    public delegate int Matcher(ReadOnlySpan<char> text, ref Prefix prefix);
}
