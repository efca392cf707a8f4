namespace PanicLens.Storage;

/// <summary>
/// One host as `hosts` lists it: its reports and the last of them, its last boot and the release it booted, its files
/// and when one was last read.
/// </summary>
public sealed record HostSummary(string Name, long Reports, string? LastCrash, string? LastTitle, string? LastKernel,
    long Files, string? LastScanned, string? LastBoot = null, string? LastBootKernel = null);
