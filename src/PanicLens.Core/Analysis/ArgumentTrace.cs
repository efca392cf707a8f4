namespace PanicLens.Analysis;

/// <summary>Where the fault is in its function (`IP: func+Offset/Size`), which register to follow, and the calling frame's name.</summary>
public sealed record ArgumentTrace(string Arch, string Register, string Function, int Offset, int? Size, string? Caller);
