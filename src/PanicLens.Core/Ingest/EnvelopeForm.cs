namespace PanicLens.Ingest;

/// <summary>
/// A way a console line is carried inside another record (a JSON object, a hypervisor's console line). Unlike a
/// <see cref="PrefixForm"/> the console text is not a tail of the line, so <see cref="Open"/> returns it as a new string,
/// filling what the envelope says into the <see cref="Prefix"/>; false when the line is not this envelope.
/// <see cref="Marks"/>: how such a line starts; a line that starts otherwise is not tried.
/// </summary>
public sealed record EnvelopeForm(string Name, string Example, string[] Marks, EnvelopeForm.Opener Open)
{
    public delegate bool Opener(ReadOnlySpan<char> text, ref Prefix prefix, out string inner);
}
