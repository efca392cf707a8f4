namespace PanicLens.Readiness;

/// <summary>How a file states the kernel release.</summary>
public enum KernelReleaseForm
{
    /// <summary>The file is the release and nothing else (`uname -r`, /proc/sys/kernel/osrelease).</summary>
    Whole,

    /// <summary>"Linux version RELEASE (builder@host) (compiler) #1 SMP ...": the word after "version".</summary>
    ProcVersion,

    /// <summary>`uname -a` output, "Linux HOST RELEASE #1 SMP ...": the third word.</summary>
    UnameAll,
}
