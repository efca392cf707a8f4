namespace PanicLens.Readiness;

/// <summary>
/// Where the running kernel's release is read from, first match wins. A live host always has osrelease; a
/// collected tree (a sosreport, a fleet script's copy of /proc) often has only some of these, and without a
/// release the kernel-range checks and exposure cannot say more than "unknown".
/// </summary>
public static class KernelReleaseSources
{
    public static readonly KernelReleaseSource[] All =
    [
        new("/proc/sys/kernel/osrelease", KernelReleaseForm.Whole, "utsname()->release, exactly what `uname -r` prints"),
        new("/proc/version", KernelReleaseForm.ProcVersion, "linux_proc_banner (fs/proc/version.c): \"%s version %s (\" with sysname and release; copied by sosreport and most collectors"),
        new("/uname-r", KernelReleaseForm.Whole, "`uname -r > uname-r` at the top of a collected tree"),
        new("/sos_commands/kernel/uname_-a", KernelReleaseForm.UnameAll, "sosreport's `uname -a`: sysname, nodename, release, ..."),
        new("/uname", KernelReleaseForm.UnameAll, "the top-level copy of `uname -a` in a sosreport"),
    ];

    /// <summary>The release a file's text states in <paramref name="form"/>, or null when it states none.</summary>
    public static string? Parse(string? text, KernelReleaseForm form)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var words = text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return form switch
        {
            KernelReleaseForm.Whole => words.Length == 1 ? words[0] : null,
            KernelReleaseForm.ProcVersion => words.Length >= 3 && words[1] == "version" ? words[2] : null,
            KernelReleaseForm.UnameAll => words.Length >= 3 ? words[2] : null,
            _ => null,
        };
    }

    /// <summary>
    /// The release and the file it came from. Fallbacks are optional reads; when none states a release, the
    /// osrelease read is repeated as a required one so the report lists it as unreadable.
    /// </summary>
    public static (string? Release, string From) Read(HostTree tree)
    {
        foreach (var source in All)
        {
            if (Parse(tree.ReadOptional(source.Path).Text, source.Form) is { } release)
                return (release, source.Path);
        }
        var primary = All[0].Path;
        return (tree.Read(primary).Value, primary);
    }
}
