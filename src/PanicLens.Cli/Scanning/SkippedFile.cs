namespace PanicLens.Cli.Scanning;

/// <summary>A file or folder the scan could not read, and why; the scan goes on and exits 1.</summary>
public sealed record SkippedFile(string Path, string Reason);
