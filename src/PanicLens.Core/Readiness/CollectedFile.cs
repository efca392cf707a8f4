namespace PanicLens.Readiness;

/// <summary>One entry of a `check --collect` archive's manifest.</summary>
/// <param name="Path">The host path (`/proc/cmdline`); the archive holds it without the leading slash.</param>
/// <param name="Kind">What the archive holds for it.</param>
/// <param name="Bytes">Bytes of content in the archive (0 for anything but <see cref="CollectedKind.File"/>).</param>
/// <param name="Modified">The host file's modification time, which the archive keeps.</param>
/// <param name="LinkTarget">A link's target, as the host has it.</param>
public sealed record CollectedFile(string Path, CollectedKind Kind, long Bytes, DateTime Modified, string? LinkTarget = null);
