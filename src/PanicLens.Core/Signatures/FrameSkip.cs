namespace PanicLens.Signatures;

/// <summary>
/// A frame-name pattern: an unanchored substring unless it says `^`/`\z` (the convention's semantics), with why the
/// frames it names are passed over and where the rule comes from (the reference's file and line, or `ours:`).
/// </summary>
public sealed record FrameSkip(string Pattern, string Why, string Source)
{
    /// <summary>Rows PanicLens adds to the reference carry this prefix in <see cref="Source"/>.</summary>
    public const string Ours = "ours: ";

    public bool IsOurs => Source.StartsWith(Ours, StringComparison.Ordinal);
}
