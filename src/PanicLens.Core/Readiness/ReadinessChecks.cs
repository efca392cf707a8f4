namespace PanicLens.Readiness;

/// <summary>The readiness table: every item `paniclens check` reports, in report order.</summary>
public static class ReadinessChecks
{
    public static readonly ReadinessCheck[] All =
    [
        new("kdump.reserved", "crash kernel memory reserved and big enough for this RAM", CheckScope.AllHosts, KdumpChecks.Reserved),
        new("kdump.loaded", "a crash kernel is loaded now (/sys/kernel/kexec_crash_loaded)", CheckScope.AllHosts, KdumpChecks.Loaded),
        new("kdump.service", "the kdump service is configured and starts at boot", CheckScope.AllHosts, KdumpChecks.Service),
        new("kdump.target", "a dump target with room for the dump", CheckScope.AllHosts, KdumpChecks.Target),
        new("kdump.initramfs", "the capture initramfs is newer than the kernel and the kdump config", CheckScope.AllHosts, KdumpCaptureChecks.Initramfs),
        new("kdump.filter", "makedumpfile filters the dump to kernel pages", CheckScope.AllHosts, KdumpCaptureChecks.Filter),
        new("kdump.lockdown", "lockdown/secure boot leave kexec a way to load (kexec_file_load)", CheckScope.AllHosts, KdumpCaptureChecks.Lockdown),
        new("kdump.lasttest", "a dump was written before (test status or an existing vmcore)", CheckScope.AllHosts, KdumpCaptureChecks.LastTest),
        new("panic.policy", "oops, lockups and NMIs reach a panic, and the host's fate after it", CheckScope.AllHosts, PanicPolicyChecks.Policy),
        new("oob.serial", "kernel (and hypervisor) messages go to a serial console", CheckScope.AllHosts, ConsoleChecks.Serial),
        new("oob.netconsole", "netconsole sends kernel messages over UDP", CheckScope.AllHosts, ConsoleChecks.Netconsole),
        new("oob.printk", "the console log level lets warnings out", CheckScope.AllHosts, ConsoleChecks.Printk),
        new("xen.crashkernel", "crashkernel= is on the hypervisor (xen.gz) line", CheckScope.XenDom0, XenChecks.CrashKernel),
        new("xen.kexec", "this Xen kexecs into the crash kernel on a Dom0 crash (4.4+)", CheckScope.XenDom0, XenChecks.Kexec),
        new("xen.reboot", "what Xen does after a Dom0 crash (noreboot, watchdog)", CheckScope.XenDom0, XenChecks.Reboot),
    ];
}
