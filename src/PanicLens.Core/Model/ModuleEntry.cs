namespace PanicLens.Model;

/// <summary>A name from `Modules linked in:` with its taint flags as printed, e.g. `hotfix_info(P)` → ("hotfix_info", "P").</summary>
public sealed record ModuleEntry(string Name, string? Flags);
