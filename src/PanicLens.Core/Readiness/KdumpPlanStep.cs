namespace PanicLens.Readiness;

/// <summary>One step of a kdump plan: what to do, the exact commands or file edits, and why.</summary>
public sealed record KdumpPlanStep(int Number, string Title, IReadOnlyList<string> Commands, string Why);
