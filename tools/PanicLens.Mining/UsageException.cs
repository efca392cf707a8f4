namespace PanicLens.Mining;

/// <summary>A command line that cannot be run; the boundary prints its message and exits 2.</summary>
public sealed class UsageException(string message) : Exception(message);
