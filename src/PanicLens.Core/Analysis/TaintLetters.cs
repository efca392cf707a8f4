namespace PanicLens.Analysis;

/// <summary>
/// Every taint letter the kernel prints (kernel/panic.c taint_flags, Documentation/admin-guide/tainted-kernels.rst),
/// with what it implies for whoever reads the crash.
/// </summary>
public static class TaintLetters
{
    public static readonly TaintLetter[] All =
    [
        new('G', "all loaded modules are GPL-compatible (G is printed where P would be; it is not a taint)"),
        new('P', "a proprietary (non-GPL) module is loaded: upstream developers cannot see its code; reproduce without it before reporting upstream"),
        new('F', "a module was force-loaded (modprobe -f) despite a version or symbol mismatch: its structure layouts may not match this kernel"),
        new('S', "the kernel runs on an out-of-specification system (originally: an SMP kernel on CPUs not designed for SMP; now also unsupported CPU or firmware configurations)"),
        new('R', "a module was force-unloaded (rmmod -f): code or data of it may still be referenced"),
        new('M', "a machine check exception happened: the hardware reported an error, so memory or CPU faults can explain crashes that look like software bugs"),
        new('B', "the page allocator found a bad page (reference count or flags corrupted): memory corruption happened before this crash"),
        new('U', "user space asked to taint the kernel (writing to /proc/sys/kernel/tainted)"),
        new('D', "the kernel died recently (an earlier oops or BUG): this report may be a consequence of that first one, which is the one to read"),
        new('A', "an ACPI table was overridden by the user"),
        new('W', "the kernel printed a WARNING earlier: that warning may be the first sign of the problem that later crashed"),
        new('C', "a staging driver (drivers/staging, lower quality) is loaded"),
        new('I', "a workaround for a platform firmware bug was applied"),
        new('O', "an out-of-tree (externally built) module is loaded"),
        new('E', "an unsigned module was loaded on a kernel that supports module signing"),
        new('L', "a soft lockup happened earlier: a CPU was stuck in the kernel for over the watchdog threshold"),
        new('K', "the kernel has been live-patched"),
        new('X', "an auxiliary taint, defined and used by distributions (e.g. SUSE: an unsupported module)"),
        new('T', "the kernel was built with the structure-layout randomisation plugin (randstruct)"),
        new('N', "an in-kernel test (KUnit and similar) has been run"),
        new('J', "user space used a mutating debug operation through fwctl"),
    ];

    public static TaintLetter? Find(char letter)
    {
        foreach (var row in All)
        {
            if (row.Letter == letter)
                return row;
        }
        return null;
    }
}
