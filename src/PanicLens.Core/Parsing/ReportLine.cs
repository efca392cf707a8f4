namespace PanicLens.Parsing;

/// <summary>
/// One logical line of a report: a console line with wrapped continuations joined back on, `(XEN)` removed and blanks trimmed.
/// <see cref="Raw"/> keeps the first physical line as printed (for the hypervisor list).
/// </summary>
internal readonly record struct ReportLine(int Number, string Text, string Raw, bool Xen);
