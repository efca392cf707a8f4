namespace PanicLens.Analysis;

/// <summary>
/// The hypervisor's own taint letters, printed in its `----[ Xen-... Tainted: ]----` banner (xen/common/kernel.c
/// print_tainted). They share letters with Linux but not meanings: Xen's `C` is a synchronous console, not staging.
/// </summary>
public static class XenTaintLetters
{
    public static readonly TaintLetter[] All =
    [
        new('C', "the hypervisor console is synchronous (sync_console): a debugging setting, slow, never for production"),
        new('E', "an error (such as a machine check) was injected on purpose: the crash may be the test, not a bug"),
        new('H', "HVM forced emulation prefix is permitted (hvm_fep): a testing aid that lets guests reach emulator paths"),
        new('I', "the platform is insecure, usually because of a CPU erratum without a workaround (older Xen printed U)"),
        new('U', "the platform is unsecure, usually because of a CPU erratum (Xen before 4.12 spelling of I)"),
        new('M', "the machine had a machine check: suspect hardware before software"),
        new('S', "an out-of-spec CPU: one or more cores have features incompatible with the others"),
    ];

    public static TaintLetter? Find(char letter) => Array.Find(All, row => row.Letter == letter);
}
