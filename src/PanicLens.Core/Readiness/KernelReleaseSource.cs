namespace PanicLens.Readiness;

/// <summary>One file a host tree may state its running kernel's release in, and how.</summary>
public sealed record KernelReleaseSource(string Path, KernelReleaseForm Form, string Why);
