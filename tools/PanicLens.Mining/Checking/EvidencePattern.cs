using System.Text.RegularExpressions;

namespace PanicLens.Mining.Checking;

/// <summary>
/// One evidence rule: a pattern over one raw line (unanchored, so quoting and prefixes do not matter), the
/// <paramref name="Literal"/> a line must hold before the pattern runs, named captures `comm`, `pid`, `release`,
/// `function` where the kind has them, and the kernel source that prints the form.
/// </summary>
public sealed record EvidencePattern(EvidenceKind Kind, string Form, string Literal, Regex Pattern, string Why);
