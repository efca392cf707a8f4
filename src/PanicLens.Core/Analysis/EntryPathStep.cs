namespace PanicLens.Analysis;

/// <summary>
/// A landmark frame on the way from user space (or an interrupt) into the kernel: <see cref="Headline"/> says
/// what the process was doing when the path goes through it; <see cref="Gist"/> says what the function does
/// when it is the one that crashed.
/// </summary>
public sealed record EntryPathStep(string Function, string? Headline, string? Gist);
